//go:build pact

package pactkit

import (
	"context"
	"io"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/natsembed"
	"github.com/mallbots/mallbots/harness/pgtemp"
	"github.com/mallbots/mallbots/system/platform/host"
)

// The same real infrastructure as system/internal/systest (which is
// internal to system/ and cannot be imported from here): one ephemeral
// Postgres per test binary, a fresh database and an embedded NATS with
// JetStream per test, the contexts in an in-process host.

var (
	pgOnce   sync.Once
	pgServer *pgtemp.Server
	pgErr    error
)

// Main runs a package's tests and stops the shared Postgres afterwards.
func Main(m *testing.M) int {
	code := m.Run()
	if pgServer != nil {
		_ = pgServer.Stop()
	}
	return code
}

// Database returns the DSN of a new database for this test only.
func Database(t testing.TB) string {
	t.Helper()
	pgOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		pgServer, pgErr = pgtemp.Start(ctx)
	})
	require.NoError(t, pgErr, "start the shared test Postgres")
	return pgtemp.NewDatabaseTB(t, pgServer)
}

// Env is a running host of real provider contexts.
type Env struct {
	Host *host.Host
	NATS *natsembed.Server
	DSN  string
	URL  string
}

// Start runs modules in an in-process host against fresh infrastructure,
// as the system's own tests do, and stops it when the test ends.
func Start(t testing.TB, modules []host.Module, adjust ...func(*host.Config)) *Env {
	t.Helper()
	env := &Env{NATS: natsembed.StartTB(t), DSN: Database(t)}
	cfg := host.Config{NatsURL: env.NATS.URL(), PostgresDSN: env.DSN, HTTPAddr: "127.0.0.1:0",
		Logger: logger(), MaxDeliver: 3, OutboxPoll: 500 * time.Millisecond}
	for _, a := range adjust {
		a(&cfg)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h, err := host.New(ctx, cfg, modules...)
	if err != nil {
		cancel()
		require.NoError(t, err, "start host")
	}
	done := make(chan error, 1)
	go func() { done <- h.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		require.NoError(t, <-done, "host stopped with an error")
	})
	env.Host, env.URL = h, h.URL()
	return env
}

func logger() *slog.Logger {
	if os.Getenv("MALLBOTS_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}
