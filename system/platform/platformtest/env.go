package platformtest

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/bus"
)

// Env is what one suite test gets: a migrated schema, a bus, and control of
// the broker for outage tests.
type Env struct {
	Pool   *pgxpool.Pool
	Schema string
	Bus    *bus.Bus
	// StopBroker and StartBroker take the broker down and bring it back with
	// its stored messages.
	StopBroker  func()
	StartBroker func() error
}

// NewEnv makes a fresh Env for one test.
type NewEnv func(t *testing.T) Env

func deadline(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func must[T any](t *testing.T) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		require.NoError(t, err)
		return v
	}
}
