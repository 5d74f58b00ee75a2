package platformtest_test

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/pg"
	"github.com/mallbots/mallbots/system/platform/platformtest"
	"github.com/mallbots/mallbots/system/platform/schema"
)

func TestMain(m *testing.M) { os.Exit(systest.Main(m)) }

// TestPostgresJetStream runs the behaviour suite on Postgres and JetStream,
// each test with its own database and its own NATS server.
func TestPostgresJetStream(t *testing.T) {
	platformtest.Run(t, func(t *testing.T) platformtest.Env {
		ctx := context.Background()
		server := systest.NATS(t)
		pool, err := pg.Connect(ctx, systest.Database(t), "suite")
		require.NoError(t, err)
		t.Cleanup(pool.Close)
		require.NoError(t, schema.Apply(ctx, pool))
		b, err := bus.Connect(ctx, server.URL(), "suite")
		require.NoError(t, err)
		t.Cleanup(b.Close)
		require.NoError(t, b.EnsureStream(ctx))
		return platformtest.Env{Pool: pool, Schema: "suite", Bus: b,
			StopBroker: server.Shutdown, StartBroker: server.Restart}
	})
}
