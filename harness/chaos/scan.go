package chaos

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// stored is one message of the stream.
type stored struct {
	seq     uint64
	subject string
	msgID   string // the Nats-Msg-Id it was published under
	data    []byte
	env     msg.Envelope
	decoded bool // env holds the decoded envelope
}

// scanFor bounds how long scan tries to read the stream.
const scanFor = 30 * time.Second

// scan reads every message of the stream after seq from, up to the
// stream's last sequence now, in order. A read that fails is tried again
// from the start until scanFor has passed: on a NATS cluster just after a
// node came back, the consumer a read creates on one node may not be known
// yet to the node the harness is connected to ("no responders").
func (t *Target) scan(ctx context.Context, from uint64) ([]stored, error) {
	deadline := time.Now().Add(scanFor)
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		out, err := t.scanOnce(ctx, from)
		if err == nil || time.Now().After(deadline) {
			return out, err
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-tick.C: // reading again, side-effect free
		}
	}
}

func (t *Target) scanOnce(ctx context.Context, from uint64) ([]stored, error) {
	last, err := t.lastSeq(ctx)
	if err != nil || last <= from {
		return nil, err
	}
	cons, err := t.js.OrderedConsumer(ctx, bus.StreamName, jetstream.OrderedConsumerConfig{
		DeliverPolicy: jetstream.DeliverByStartSequencePolicy, OptStartSeq: from + 1})
	if err != nil {
		return nil, fmt.Errorf("chaos: read the stream: %w", err)
	}
	var out []stored
	for {
		batch, err := cons.Fetch(1000, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			return nil, fmt.Errorf("chaos: read the stream: %w", err)
		}
		got := 0
		for m := range batch.Messages() {
			got++
			s := storedOf(m)
			out = append(out, s)
			if s.seq >= last {
				return out, nil
			}
		}
		if err := batch.Error(); err != nil {
			return nil, fmt.Errorf("chaos: read the stream after %d messages: %w", len(out), err)
		}
		if got == 0 {
			return nil, fmt.Errorf("chaos: the stream stopped at %d messages, before sequence %d", len(out), last)
		}
	}
}

func storedOf(m jetstream.Msg) stored {
	s := stored{subject: m.Subject(), msgID: m.Headers().Get(jetstream.MsgIDHeader), data: m.Data()}
	if meta, err := m.Metadata(); err == nil {
		s.seq = meta.Sequence.Stream
	}
	if env, err := msg.Unmarshal(m.Data()); err == nil {
		s.env, s.decoded = env, true
	}
	return s
}
