package world_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/world"
	"github.com/mallbots/mallbots/system/platform/redact"
)

// fakeEnv is an environment whose every context is one test server.
type fakeEnv struct{ base string }

func (e fakeEnv) Endpoints() runtime.Endpoints {
	return runtime.Endpoints{Contexts: map[string]string{"stores": e.base}, Services: map[string]string{"monolith": e.base}}
}
func (fakeEnv) Logs(string, int) []string   { return nil }
func (fakeEnv) StartupTime() time.Duration  { return 0 }
func (fakeEnv) Close(context.Context) error { return nil }

// TestExchangesAreRecordedWithoutSecrets: what a failure and the living
// documentation show of a call has its secrets masked, while the caller
// still gets the whole answer.
func TestExchangesAreRecordedWithoutSecrets(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"dsn":"postgres://user:s3cret@host/db","token":"t0ken"}`)
	}))
	t.Cleanup(srv.Close)
	s := world.NewScenario(&world.World{Env: fakeEnv{srv.URL}}, "secrets")
	u, err := url.Parse(srv.URL + "/api/stores?access_token=t0ken&limit=1")
	require.NoError(t, err)
	u.User = url.UserPassword("ada", "s3cret")
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, u.String(),
		strings.NewReader(`{"password":"s3cret","name":"Corner Shop"}`))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer abc")
	req.Header.Set("Cookie", "session=abc")
	req.Header.Set("X-Api-Key", "abc")
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.HTTP.Do(req)
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	assert.Contains(t, string(body), "s3cret", "the caller gets the answer as it was")

	ex := s.Exchanges()
	require.Len(t, ex, 1)
	assert.Equal(t, []string{redact.Mask}, ex[0].Header["Authorization"])
	assert.Equal(t, []string{redact.Mask}, ex[0].Header["Cookie"])
	assert.Equal(t, []string{redact.Mask}, ex[0].Header["X-Api-Key"])
	assert.Equal(t, "application/json", ex[0].Header.Get("Content-Type"))
	shown := ex[0].String()
	for _, secret := range []string{"s3cret", "abc", "t0ken"} {
		assert.NotContains(t, shown, secret)
	}
	assert.Contains(t, shown, "headers: Authorization: REDACTED; Cookie: REDACTED; X-Api-Key: REDACTED\n")
	assert.Contains(t, shown, "ada:REDACTED@")
	assert.Contains(t, shown, "access_token=REDACTED&limit=1")
	assert.Contains(t, shown, `"name":"Corner Shop"`)
}
