package tap

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/mallbots/mallbots/system/platform/bus"
)

// Tap records every message of the system's stream for the life of a run.
// It reads the stream with an ordered JetStream consumer rather than a plain
// subscription, so that a broker restart loses nothing: the consumer
// resumes after the last message it saw.
type Tap struct {
	nc      *nats.Conn
	cc      jetstream.ConsumeContext
	mu      sync.Mutex
	records []Record
	changed chan struct{}
}

// Start connects to url and records every message stored from now on.
func Start(ctx context.Context, url string) (*Tap, error) {
	nc, err := nats.Connect(url, nats.Name("harness-tap"), nats.MaxReconnects(-1),
		nats.ReconnectWait(50*time.Millisecond))
	if err != nil {
		return nil, fmt.Errorf("start tap: %w", err)
	}
	t := &Tap{nc: nc, changed: make(chan struct{})}
	if err := t.consume(ctx); err != nil {
		nc.Close()
		return nil, fmt.Errorf("start tap: %w", err)
	}
	return t, nil
}

func (t *Tap) consume(ctx context.Context) error {
	js, err := jetstream.New(t.nc)
	if err != nil {
		return err
	}
	stream, err := js.Stream(ctx, bus.StreamName)
	if err != nil {
		return fmt.Errorf("stream %s: %w", bus.StreamName, err)
	}
	info, err := stream.Info(ctx)
	if err != nil {
		return err
	}
	// Start after the last stored message by sequence rather than "new", so
	// that a consumer recreated after a broker restart still starts there.
	cons, err := stream.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{
		DeliverPolicy: jetstream.DeliverByStartSequencePolicy, OptStartSeq: info.State.LastSeq + 1})
	if err != nil {
		return err
	}
	t.cc, err = cons.Consume(func(m jetstream.Msg) { t.add(m.Subject(), streamSeq(m), m.Headers(), m.Data()) })
	return err
}

// streamSeq is the message's sequence in the stream, or 0 when unknown.
func streamSeq(m jetstream.Msg) uint64 {
	meta, err := m.Metadata()
	if err != nil {
		return 0
	}
	return meta.Sequence.Stream
}

// Close stops recording.
func (t *Tap) Close() {
	if t.cc != nil {
		t.cc.Stop()
	}
	t.nc.Close()
}

// Conn is the tap's connection, for steps that publish (poison messages).
func (t *Tap) Conn() *nats.Conn { return t.nc }

func (t *Tap) add(subject string, streamSeq uint64, headers nats.Header, data []byte) {
	t.mu.Lock()
	defer t.mu.Unlock()
	r := decode(subject, headers, data, len(t.records)+1, time.Now())
	r.StreamSeq = streamSeq
	t.records = append(t.records, r)
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
