package containers_test

import (
	"context"
	"io"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/mallbots/mallbots/harness/containers"
	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/topology"
)

// engine connects to the Docker engine (containers.ConnectTB).
func engine(t *testing.T) *containers.Engine {
	t.Helper()
	return containers.ConnectTB(t, "containers runtime")
}

// TestMicroservicesUpAndGone brings the microservices topology up in
// containers, calls a service and the broker, crashes and restarts a
// service, Postgres and NATS, closes the environment and checks that
// nothing labelled with the run is left.
func TestMicroservicesUpAndGone(t *testing.T) {
	if testing.Short() {
		t.Skip("containers runtime: skipped in -short mode")
	}
	eng := engine(t)
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 15*time.Minute)
	defer cancel()
	rt := containers.New(containers.WithModuleRoot(root+"/../.."), containers.WithProgress(testWriter{t}))
	renv, err := rt.Up(ctx, topology.Microservices())
	if err != nil {
		t.Fatal(err)
	}
	env := renv.(*containers.Env)
	closed := false
	t.Cleanup(func() {
		if !closed {
			_ = env.Close(context.WithoutCancel(ctx))
		}
	})
	t.Logf("run %s up in %s", env.RunID(), env.StartupTime())

	e := env.Endpoints()
	resp, err := http.Get(e.Contexts["stores"] + "/api/stores")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /api/stores: %d %s", resp.StatusCode, body)
	}
	nc, err := nats.Connect(e.NATS, nats.Timeout(5*time.Second))
	if err != nil {
		t.Fatalf("connect to %s: %v", e.NATS, err)
	}
	if err := nc.Flush(); err != nil {
		t.Errorf("nats round trip: %v", err)
	}
	nc.Close()
	if lines := env.Logs("stores", 5); len(lines) == 0 {
		t.Error("no log lines from the stores service")
	}
	checkUsage(t, ctx, env)
	checkFaults(t, ctx, env)

	closed = true
	if err := env.Close(ctx); err != nil {
		t.Fatalf("close: %v", err)
	}
	cs, ns, err := eng.RunResources(ctx, env.RunID())
	if err != nil {
		t.Fatal(err)
	}
	if len(cs)+len(ns) > 0 {
		t.Errorf("after Close, run %s still has containers %v and networks %v", env.RunID(), cs, ns)
	}
}

// checkUsage reads the resource use of the run and checks that every
// container is there, with memory and CPU time.
func checkUsage(t *testing.T, ctx context.Context, env *containers.Env) {
	t.Helper()
	begin := time.Now()
	usage, err := env.Usage(ctx)
	if err != nil {
		t.Fatalf("usage: %v", err)
	}
	t.Logf("usage of %d containers read in %s", len(usage), time.Since(begin))
	want := []string{"nats", "postgres", topology.SMSProvider}
	for _, s := range topology.Microservices().Services {
		want = append(want, s.Name)
	}
	got := map[string]runtime.Usage{}
	for _, u := range usage {
		got[u.Name] = u
	}
	for _, name := range want {
		if u := got[name]; u.MemoryBytes == 0 || u.CPUSeconds == 0 {
			t.Errorf("usage of %s: %+v, want memory and CPU time", name, u)
		}
	}
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}
