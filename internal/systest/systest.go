// Package systest starts real infrastructure for the system's own tests:
// one embedded NATS server and one ephemeral Postgres per test binary, a
// fresh database per test, and the contexts under test in an in-process
// host. Nothing is mocked.
package systest

import (
	"context"
	"fmt"
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

var (
	pgOnce   sync.Once
	pgServer *pgtemp.Server
	pgErr    error
)

// Main runs a package's tests and stops the shared Postgres afterwards.
// Call it from TestMain: os.Exit(systest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	pgOnce.Do(func() {}) // waits for a start still running (StartPostgresEarly)
	if pgServer != nil {
		_ = pgServer.Stop()
	}
	return code
}

// postgresEnv carries "port:major" of a parent test binary's Postgres to
// its subprocesses (see PostgresEnv).
const postgresEnv = "MALLBOTS_TEST_POSTGRES"

// Postgres returns the test binary's shared Postgres, starting it once, or
// attaching to its parent's when this binary runs as its subprocess.
func Postgres(tb testing.TB) *pgtemp.Server {
	tb.Helper()
	s, err := SharedPostgres()
	require.NoError(tb, err, "start the shared test Postgres")
	return s
}

// SharedPostgres is Postgres for code outside a test (TestMain, a
// background preparation): it returns the error instead of failing a test.
func SharedPostgres() (*pgtemp.Server, error) {
	pgOnce.Do(startShared)
	return pgServer, pgErr
}

// StartPostgresEarly starts the shared Postgres in the background, from
// TestMain, so that the tests that run first and need none overlap its
// start-up; the first test that needs it waits for it.
func StartPostgresEarly() { go pgOnce.Do(startShared) }

func startShared() {
	if v := os.Getenv(postgresEnv); v != "" {
		var port, major int
		if _, err := fmt.Sscanf(v, "%d:%d", &port, &major); err != nil {
			pgErr = fmt.Errorf("%s=%q: want port:major: %w", postgresEnv, v, err)
			return
		}
		pgServer = pgtemp.Attach(port, major)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	pgServer, pgErr = pgtemp.Start(ctx)
}

// PostgresEnv returns the environment entry that makes a subprocess of this
// test binary use this binary's Postgres instead of starting its own.
func PostgresEnv(tb testing.TB) string {
	s := Postgres(tb)
	return fmt.Sprintf("%s=%d:%d", postgresEnv, s.Port(), s.Major())
}

// Database returns the DSN of a new database for this test only.
func Database(tb testing.TB) string {
	tb.Helper()
	return pgtemp.NewDatabaseTB(tb, Postgres(tb))
}

// NATS starts an embedded NATS server with JetStream for this test only.
func NATS(tb testing.TB) *natsembed.Server {
	tb.Helper()
	return natsembed.StartTB(tb)
}

// Env is a running host with its infrastructure.
type Env struct {
	Host *host.Host
	NATS *natsembed.Server
	DSN  string
	URL  string
}

// Option adjusts the host configuration of a test.
type Option func(*host.Config)

// Start runs modules in an in-process host against fresh infrastructure and
// stops everything when the test ends.
func Start(tb testing.TB, modules []host.Module, opts ...Option) *Env {
	tb.Helper()
	env := &Env{NATS: NATS(tb), DSN: Database(tb)}
	cfg := host.Config{NatsURL: env.NATS.URL(), PostgresDSN: env.DSN, HTTPAddr: "127.0.0.1:0",
		Logger: Logger(), MaxDeliver: 3, OutboxPoll: 500 * time.Millisecond}
	for _, opt := range opts {
		opt(&cfg)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h, err := host.New(ctx, cfg, modules...)
	if err != nil {
		cancel()
		require.NoError(tb, err, "start host")
	}
	done := make(chan error, 1)
	go func() { done <- h.Run(ctx) }()
	tb.Cleanup(func() {
		cancel()
		require.NoError(tb, <-done, "host stopped with an error")
	})
	env.Host, env.URL = h, h.URL()
	return env
}

// Logger logs to stderr when MALLBOTS_TEST_LOG is set, else discards.
func Logger() *slog.Logger {
	if os.Getenv("MALLBOTS_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}
