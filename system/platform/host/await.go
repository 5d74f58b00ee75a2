package host

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/platform/redact"
)

// Back-off between attempts at a dependency that does not answer yet.
const (
	firstRetry = 25 * time.Millisecond
	maxRetry   = 500 * time.Millisecond
)

var errNATSDown = errors.New("no connection to the NATS server yet")

// awaitDependencies waits, up to the configured DependencyWait, until NATS
// and Postgres answer: a process started beside its brokers (a container
// started with them, a deployment rolling out) comes up once they do,
// instead of exiting. With no wait configured each is tried once.
func (h *Host) awaitDependencies(ctx context.Context) error {
	if err := h.await(ctx, "nats "+redact.URL(h.cfg.NatsURL), func(context.Context) error {
		if !h.bus.Connected() {
			return errNATSDown
		}
		return nil
	}); err != nil {
		return err
	}
	return h.await(ctx, "postgres", func(ctx context.Context) error { return pingPostgres(ctx, h.cfg.PostgresDSN) })
}

// await calls try until it succeeds, ctx ends or DependencyWait passed,
// logging once that it waits. The error names what did not answer and why.
func (h *Host) await(ctx context.Context, what string, try func(context.Context) error) error {
	deadline := time.Now().Add(h.cfg.DependencyWait)
	delay, logged := firstRetry, false
	for {
		err := try(ctx)
		if err == nil {
			if logged {
				h.cfg.Logger.Info("dependency answers", "dependency", what)
			}
			return nil
		}
		if time.Now().Add(delay).After(deadline) {
			return fmt.Errorf("%s does not answer (waited %s): %w", what, h.cfg.DependencyWait, err)
		}
		if !logged {
			h.cfg.Logger.Info("waiting for a dependency", "dependency", what, "up_to", h.cfg.DependencyWait, "error", err)
			logged = true
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s: %w", what, context.Cause(ctx))
		case <-time.After(delay):
		}
		delay = min(2*delay, maxRetry)
	}
}

// pingPostgres opens one connection to dsn and pings the server.
func pingPostgres(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	return conn.Ping(ctx)
}
