package chaos

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

// quietPoll is how often awaitQuiet looks again.
const quietPoll = 100 * time.Millisecond

// awaitQuiet waits, until deadline, for the system to have finished what
// the phase started: every durable consumer caught up (nothing pending,
// nothing unacknowledged) and no outbox row unpublished. The error says
// what was still busy.
func (t *Target) awaitQuiet(ctx context.Context, m marks, deadline time.Time) error {
	ctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	busy := ""
	for {
		var err error
		if busy, err = t.busy(ctx, m); err == nil && busy == "" {
			return nil
		}
		if err != nil {
			busy = err.Error()
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("the system was still busy %s after the fault: %s",
				time.Until(deadline).Round(time.Second), busy)
		case <-time.After(quietPoll):
		}
	}
}

// busy describes what is still in progress ("" when nothing is).
func (t *Target) busy(ctx context.Context, m marks) (string, error) {
	var parts []string
	s, err := t.js.Stream(ctx, bus.StreamName)
	if err != nil {
		return "", err
	}
	list := s.ListConsumers(ctx)
	for info := range list.Info() {
		if info.Config.Durable != "" && (info.NumPending > 0 || info.NumAckPending > 0) {
			parts = append(parts, fmt.Sprintf("%s has %d pending and %d unacknowledged",
				info.Config.Durable, info.NumPending, info.NumAckPending))
		}
	}
	if err := list.Err(); err != nil {
		return "", err
	}
	n, err := t.unpublished(ctx, m)
	if err != nil {
		return "", err
	}
	if n > 0 {
		parts = append(parts, fmt.Sprintf("%d outbox rows unpublished", n))
	}
	return strings.Join(parts, "; "), nil
}

// awaitSMS waits, until deadline, for the provider to have received every
// key in want, and returns every message it received.
func (t *Target) awaitSMS(ctx context.Context, want []string, deadline time.Time) ([]smsprovider.Message, error) {
	ctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	for {
		msgs, err := t.api.SMSMessages(ctx, client.SMSFilter{})
		if err == nil && len(missing(want, msgs)) == 0 {
			return msgs, nil
		}
		select {
		case <-ctx.Done():
			if err != nil {
				return nil, fmt.Errorf("list the SMS provider's messages: %w", err)
			}
			return msgs, nil // the audit counts what is missing
		case <-time.After(quietPoll):
		}
	}
}

// missing lists the keys of want that no message has.
func missing(want []string, msgs []smsprovider.Message) []string {
	got := make(map[string]bool, len(msgs))
	for _, m := range msgs {
		got[m.IdempotencyKey] = true
	}
	var out []string
	for _, k := range want {
		if !got[k] {
			out = append(out, k)
		}
	}
	return out
}
