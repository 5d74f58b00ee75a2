package tap

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/mallbots/mallbots/system/platform/msg"
)

// Tap records every message on mallbots.> for the life of a run.
type Tap struct {
	nc      *nats.Conn
	sub     *nats.Subscription
	mu      sync.Mutex
	records []Record
	changed chan struct{}
}

// Start connects to url and begins recording.
func Start(url string) (*Tap, error) {
	nc, err := nats.Connect(url, nats.Name("harness-tap"), nats.MaxReconnects(-1),
		nats.ReconnectWait(50*time.Millisecond))
	if err != nil {
		return nil, fmt.Errorf("start tap: %w", err)
	}
	t := &Tap{nc: nc, changed: make(chan struct{})}
	if t.sub, err = nc.Subscribe(msg.Root+".>", t.add); err != nil {
		nc.Close()
		return nil, fmt.Errorf("start tap: %w", err)
	}
	// A slow step must not make the tap drop messages.
	_ = t.sub.SetPendingLimits(-1, -1)
	if err := nc.Flush(); err != nil {
		nc.Close()
		return nil, fmt.Errorf("start tap: %w", err)
	}
	return t, nil
}

// Close stops recording.
func (t *Tap) Close() { t.nc.Close() }

func (t *Tap) add(m *nats.Msg) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.records = append(t.records, decode(m, len(t.records)+1, time.Now()))
	close(t.changed)
	t.changed = make(chan struct{})
}

// snapshot returns records from index from on, and a channel closed at the next record.
func (t *Tap) snapshot(from int) ([]Record, chan struct{}) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]Record(nil), t.records[from:]...), t.changed
}

// Records returns every record matching match, in arrival order.
func (t *Tap) Records(match Matcher) []Record {
	all, _ := t.snapshot(0)
	var out []Record
	for _, r := range all {
		if match(r) {
			out = append(out, r)
		}
	}
	return out
}

// Await returns the first record matching match, already seen or still to
// come, or an error when ctx ends first saying what was awaited and what
// the scope's timeline holds.
func (t *Tap) Await(ctx context.Context, what string, scope, match Matcher) (Record, error) {
	seen := 0
	for {
		batch, changed := t.snapshot(seen)
		for _, r := range batch {
			if scope(r) && match(r) {
				return r, nil
			}
		}
		seen += len(batch)
		select {
		case <-changed:
		case <-ctx.Done():
			return Record{}, &AwaitError{What: what, Timeline: t.Records(scope)}
		}
	}
}

// AssertNone waits out window and fails if a record matching match arrives
// (or had arrived) within scope.
func (t *Tap) AssertNone(ctx context.Context, window time.Duration, what string, scope, match Matcher) error {
	ctx, cancel := context.WithTimeout(ctx, window)
	defer cancel()
	r, err := t.Await(ctx, what, scope, match)
	if err != nil {
		return nil
	}
	return fmt.Errorf("expected no %s within %s, but saw:\n  %s", what, window, r)
}

// AwaitError reports an await that timed out.
type AwaitError struct {
	What     string
	Timeline []Record
}

func (e *AwaitError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "expected %s, but it did not arrive in time", e.What)
	b.WriteString(Timeline(e.Timeline))
	return b.String()
}

// Timeline renders records as the scenario's message timeline.
func Timeline(records []Record) string {
	if len(records) == 0 {
		return "\nmessage timeline: (no messages)"
	}
	var b strings.Builder
	b.WriteString("\nmessage timeline:")
	for _, r := range records {
		b.WriteString("\n  " + r.String())
	}
	return b.String()
}
