// Package deadlines runs the worker that acts on saga steps past their
// deadline.
package deadlines

import (
	"context"
	"log/slog"
	"time"
)

// Expirer moves the sagas whose current step is past its deadline.
type Expirer interface {
	ExpireSteps(ctx context.Context) (int, error)
}

// Interval returns how often the worker looks for expired steps with a step
// timeout of timeout: a quarter of it, between 50ms and 1s, so a deadline
// is acted on at most that late.
func Interval(timeout time.Duration) time.Duration {
	return min(max(timeout/4, 50*time.Millisecond), time.Second)
}

// Worker returns the worker loop for host.Mount.Go. A deadline is a point in
// time, not new work to be woken for, so a ticker is the right wake-up. A
// failed pass (Postgres unreachable) is logged and retried on the next tick:
// the worker stops only when ctx ends, since its error would stop the host.
func Worker(e Expirer, every time.Duration, log *slog.Logger) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return nil
			case <-t.C:
			}
			n, err := e.ExpireSteps(ctx)
			if err != nil && ctx.Err() == nil {
				log.Warn("saga deadlines: pass failed, will retry", "err", err)
			}
			if n > 0 {
				log.Debug("saga deadlines: steps expired", "sagas", n)
			}
		}
	}
}
