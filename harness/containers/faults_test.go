package containers_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go"

	"github.com/mallbots/mallbots/harness/containers"
	"github.com/mallbots/mallbots/harness/runtime"
)

// checkFaults crashes and brings back a service, Postgres and NATS, as
// bin/e2e chaos does, checking each is down, then back at the same address.
func checkFaults(t *testing.T, ctx context.Context, env *containers.Env) {
	t.Helper()
	stores := env.Endpoints().Contexts["stores"] + "/api/stores"
	must(t, env.KillService(ctx, "stores"))
	if res, err := http.Get(stores); err == nil {
		res.Body.Close()
		t.Errorf("stores answered %d after it was killed", res.StatusCode)
	}
	must(t, env.StartService(ctx, "stores"))
	if res, err := http.Get(stores); err != nil || res.StatusCode != http.StatusOK {
		t.Errorf("stores after its restart: %v %v", res, err)
	} else {
		res.Body.Close()
	}

	must(t, env.StopDatabase(ctx, runtime.ShutdownImmediate))
	if conn, err := pgx.Connect(ctx, env.DatabaseURL()); err == nil {
		_ = conn.Close(ctx)
		t.Error("postgres accepted a connection after its immediate shutdown")
	}
	must(t, env.StartDatabase(ctx))
	conn, err := pgx.Connect(ctx, env.DatabaseURL())
	must(t, err)
	_ = conn.Close(ctx)

	nc, err := nats.Connect(env.Endpoints().NATS)
	must(t, err)
	defer nc.Close()
	must(t, env.PauseBroker(ctx))
	if err := nc.FlushTimeout(500 * time.Millisecond); err == nil {
		t.Error("a paused broker answered")
	}
	must(t, env.ResumeBroker(ctx))
	must(t, nc.FlushTimeout(5*time.Second))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
