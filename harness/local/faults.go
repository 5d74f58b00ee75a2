package local

import (
	"context"

	"github.com/mallbots/mallbots/harness/runtime"
)

var _ runtime.Faults = (*Env)(nil)

// StopDatabase shuts Postgres down in mode, keeping its data.
func (e *Env) StopDatabase(_ context.Context, mode string) error { return e.pg.Shutdown(mode) }

// StartDatabase starts Postgres again on the same port with its data.
func (e *Env) StartDatabase(ctx context.Context) error { return e.pg.Restart(ctx) }

// DatabaseURL is the system's database, as the services reach it.
func (e *Env) DatabaseURL() string { return e.dsn }
