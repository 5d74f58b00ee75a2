package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/mallbots/mallbots/system/notifications/domain"
)

// SendDue attempts every SMS that is due, one at a time, until none is.
// A provider failure is recorded, not returned; an error is a failure to
// record (the database), and the attempt is then rolled back.
func (a *App) SendDue(ctx context.Context) error {
	for {
		claimed, err := a.store.ClaimDue(ctx, a.cfg.Now(), a.attempt)
		if err != nil {
			return fmt.Errorf("send due sms: %w", err)
		}
		if !claimed {
			return nil
		}
	}
}

// attempt makes one attempt at a claimed SMS. When the last attempt's
// outcome is unknown, the provider is asked first whether it has the
// message, so that exactly one reaches it.
func (a *App) attempt(ctx context.Context, c Claim) error {
	sms := domain.Fold(c.Events())
	if !sms.Pending() {
		return fmt.Errorf("sms %s is queued but not pending", sms.Key)
	}
	if sms.InDoubt {
		id, found, err := a.provider.Find(ctx, sms.Key)
		if err != nil {
			return a.failed(ctx, c, sms, fmt.Errorf("ask the provider about the last attempt: %w", err), true)
		}
		if found {
			return c.Append(ctx, sms.Send(a.cfg.Now(), id))
		}
	}
	return a.send(ctx, c, sms)
}

// send records the attempt as started, then hands the message over.
func (a *App) send(ctx context.Context, c Claim, sms domain.SMS) error {
	started := sms.Start(a.cfg.Now())
	if err := c.Commit(ctx, started); err != nil {
		return fmt.Errorf("record attempt of %s: %w", sms.Key, err)
	}
	sms = domain.Fold(c.Events())
	id, err := a.provider.Send(ctx, sms.Key, sms.To, sms.Body)
	switch {
	case err == nil:
		return c.Append(ctx, sms.Send(a.cfg.Now(), id))
	case errors.Is(err, ErrRejected):
		a.cfg.Log.Warn("sms rejected by the provider", "key", sms.Key, "err", err)
		return c.Append(ctx, sms.Reject(a.cfg.Now(), err.Error()))
	}
	return a.failed(ctx, c, sms, err, !errors.Is(err, ErrNotAccepted))
}

// failed records a failed attempt and schedules the next after a backoff.
func (a *App) failed(ctx context.Context, c Claim, sms domain.SMS, cause error, outcomeUnknown bool) error {
	now := a.cfg.Now()
	retryAt := now.Add(domain.Backoff(sms.Failures+1, a.cfg.RetryMin, a.cfg.RetryMax))
	a.cfg.Log.Warn("sms attempt failed, will retry", "key", sms.Key, "attempt", sms.Attempts,
		"outcomeUnknown", outcomeUnknown, "retryAt", retryAt, "err", cause)
	return c.Append(ctx, sms.Fail(now, cause.Error(), outcomeUnknown, retryAt))
}
