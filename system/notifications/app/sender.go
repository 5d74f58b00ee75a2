package app

import (
	"context"
	"time"
)

// minWait keeps the sender from spinning on an SMS that is due but locked
// by another sender.
const minWait = 25 * time.Millisecond

// RunSender sends due SMS until ctx ends. It wakes when wake signals a new
// request, when the earliest retry falls due, and at the latest every Poll
// (for a notification missed while not listening).
func (a *App) RunSender(ctx context.Context, wake <-chan struct{}) error {
	for {
		wait := a.cfg.Poll
		if err := a.SendDue(ctx); err != nil && ctx.Err() == nil {
			a.cfg.Log.Warn("sms sender failed, will retry", "err", err, "in", a.cfg.RetryMin)
			wait = a.cfg.RetryMin
		}
		wait = a.untilNextDue(ctx, wait)
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil
		case <-wake:
		case <-timer.C:
		}
		timer.Stop()
	}
}

// untilNextDue shortens wait to the time left before the earliest retry.
func (a *App) untilNextDue(ctx context.Context, wait time.Duration) time.Duration {
	at, found, err := a.store.NextDue(ctx)
	if err != nil || !found {
		return wait
	}
	return max(min(at.Sub(a.cfg.Now()), wait), minWait)
}
