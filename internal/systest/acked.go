package systest

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// AckWait bounds how long AwaitAcked waits for a consumer's ack floor.
const AckWait = 20 * time.Second

// ackPoll is how often AwaitAcked reads the ack floor again.
const ackPoll = 20 * time.Millisecond

// Publish stores env in the domain stream as a relay would, under env.ID as
// its JetStream Msg-Id unless opts give another (jetstream.WithMsgID), and
// returns JetStream's ack: its Sequence is what AwaitAcked waits for.
func Publish(tb testing.TB, ctx context.Context, js jetstream.JetStream, env msg.Envelope,
	opts ...jetstream.PublishOpt) *jetstream.PubAck {
	tb.Helper()
	data, err := msg.Marshal(env)
	require.NoError(tb, err)
	m := &nats.Msg{Subject: env.Subject, Data: data, Header: nats.Header{}}
	m.Header.Set(jetstream.MsgIDHeader, env.ID)
	ack, err := js.PublishMsg(ctx, m, opts...)
	require.NoError(tb, err, "publish %s", env.Name)
	return ack
}

// AwaitAcked waits until the durable consumer has acknowledged every message
// it receives up to stream sequence seq (its ack floor, see package
// position). A consumer acks only after its handler committed, so the
// effects of those messages are then visible, and the outbox rows they
// wrote precede, in the relay's commit order, those of anything published
// afterwards. Consumers handle messages of different ordering keys side by
// side: a test that proves "nothing more happened" with a later message of
// another key (a barrier) awaits this first, or the barrier may overtake.
func AwaitAcked(tb testing.TB, ctx context.Context, js jetstream.JetStream, consumer string, seq uint64) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(ctx, AckWait)
	defer cancel()
	tick := time.NewTicker(ackPoll)
	defer tick.Stop()
	var floor uint64
	var lastErr error
	for {
		p, err := host.Positions(ctx, js, consumer)
		if err == nil {
			floor, _ = p.Of(consumer)
			if floor >= seq {
				return
			}
		} else if ctx.Err() == nil {
			lastErr = err
		}
		select {
		case <-ctx.Done():
			require.FailNowf(tb, "not acknowledged",
				"consumer %s: ack floor %d, want stream sequence %d or more (last error: %v)", consumer, floor, seq, lastErr)
		case <-tick.C:
		}
	}
}
