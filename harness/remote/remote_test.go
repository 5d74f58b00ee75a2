package remote_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mallbots/mallbots/harness/remote"
	"github.com/mallbots/mallbots/harness/topology"
)

func TestUpReadsEndpoints(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {}))
	defer srv.Close()
	tests := []struct {
		name    string
		pairs   string
		wantErr string
		nats    string
	}{
		{"every context from *", "nats=nats://127.0.0.1:4222,smsprovider=" + srv.URL + ",*=" + srv.URL, "", "nats://127.0.0.1:4222"},
		{"a NATS cluster", "nats=nats://n1:4222,nats=nats://n2:4222,nats=nats://n3:4222,*=" + srv.URL, "",
			"nats://n1:4222,nats://n2:4222,nats://n3:4222"},
		{"no nats", "*=" + srv.URL, "no nats=URL", ""},
		{"a context missing", "nats=nats://127.0.0.1:4222,stores=" + srv.URL, "no URL for context baskets", ""},
		{"not a URL", "nats=nats://x:1,*=nowhere", "want key=URL", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rt, err := remote.New(remote.WithEndpoints(tc.pairs))
			if err != nil {
				t.Fatal(err)
			}
			env, err := rt.Up(t.Context(), topology.Microservices())
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want it to say %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := env.Endpoints().Contexts["stores"]; got != srv.URL {
				t.Errorf("stores = %q, want %q", got, srv.URL)
			}
			if got, want := env.Endpoints().NATS, tc.nats; want != "" && got != want {
				t.Errorf("nats = %q, want %q", got, want)
			}
		})
	}
}

func TestRequiredTags(t *testing.T) {
	if got := remote.RequiredTags(""); got != "@safe" {
		t.Errorf("RequiredTags(\"\") = %q", got)
	}
	if got := remote.RequiredTags("@stores"); got != "@stores && @safe" {
		t.Errorf("RequiredTags(@stores) = %q", got)
	}
	if got := remote.RequiredTags("@stores,@journey && ~@sms"); got != "@stores && @safe,@journey && ~@sms && @safe" {
		t.Errorf("RequiredTags(or) = %q", got)
	}
}

// TestErrorsMaskPasswords: an endpoint's credentials never appear in what
// Up reports.
func TestErrorsMaskPasswords(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	withCredentials := strings.Replace(srv.URL, "http://", "http://ada:s3cret@", 1)
	for name, pairs := range map[string]string{
		"not healthy": "nats=nats://app:s3cret@127.0.0.1:4222,smsprovider=" + srv.URL + ",*=" + withCredentials,
		"not a URL":   "nats=nats://app:s3cret@127.0.0.1:4222,*=" + withCredentials + ",stores=postgres:%zz:s3cret@",
	} {
		t.Run(name, func(t *testing.T) {
			rt, err := remote.New(remote.WithEndpoints(pairs))
			if err != nil {
				t.Fatal(err)
			}
			_, err = rt.Up(t.Context(), topology.Microservices())
			if err == nil {
				t.Fatal("Up succeeded")
			}
			if strings.Contains(err.Error(), "s3cret") {
				t.Errorf("the error shows a password: %v", err)
			}
		})
	}
}
