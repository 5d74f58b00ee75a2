package tap_test

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/natsembed"
	"github.com/mallbots/mallbots/harness/tap"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func publish(t *testing.T, nc *nats.Conn, correlation, name string) {
	ctx := msg.WithMeta(context.Background(), msg.Meta{CorrelationID: correlation})
	env, err := msg.New(ctx, msg.EventSubject("test", name), name, map[string]string{"k": "v"})
	require.NoError(t, err)
	data, err := msg.Marshal(env)
	require.NoError(t, err)
	require.NoError(t, nc.Publish(env.Subject, data))
	require.NoError(t, nc.Flush())
}

func setup(t *testing.T) (*tap.Tap, *nats.Conn) {
	tp, nc, _ := setupServer(t)
	return tp, nc
}

func setupServer(t *testing.T) (*tap.Tap, *nats.Conn, *natsembed.Server) {
	server := natsembed.StartTB(t)
	b, err := bus.Connect(context.Background(), server.URL(), "test")
	require.NoError(t, err)
	t.Cleanup(b.Close)
	require.NoError(t, b.EnsureStream(context.Background()))
	tp, err := tap.Start(context.Background(), server.URL())
	require.NoError(t, err)
	t.Cleanup(tp.Close)
	nc, err := nats.Connect(server.URL(), nats.MaxReconnects(-1), nats.ReconnectWait(20*time.Millisecond))
	require.NoError(t, err)
	t.Cleanup(nc.Close)
	return tp, nc, server
}

// TestTheTapMissesNothingAcrossABrokerRestart: a message stored right after
// the broker returns is recorded even if the tap had not reconnected yet.
func TestTheTapMissesNothingAcrossABrokerRestart(t *testing.T) {
	t.Parallel()
	tp, _, server := setupServer(t)
	server.Shutdown()
	require.NoError(t, server.Restart())
	fresh, err := nats.Connect(server.URL())
	require.NoError(t, err)
	t.Cleanup(fresh.Close)
	publish(t, fresh, "mine", "AfterRestart")

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err = tp.Await(ctx, "AfterRestart", tap.Correlation("mine"), tap.Named("AfterRestart"))
	require.NoError(t, err)
}

func TestAwaitSeesPastAndFutureMessagesOfItsScopeOnly(t *testing.T) {
	t.Parallel()
	tp, nc := setup(t)
	publish(t, nc, "other", "Wanted")
	publish(t, nc, "mine", "First")

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	r, err := tp.Await(ctx, "First", tap.Correlation("mine"), tap.Named("First"))
	require.NoError(t, err, "a message seen before the await counts")
	assert.Equal(t, "mine", r.CorrelationID)
	assert.Equal(t, uint64(2), r.StreamSeq, "the record knows its message's sequence in the stream")

	published := make(chan struct{})
	go func() {
		defer close(published)
		publish(t, nc, "mine", "Wanted")
	}()
	r, err = tp.Await(ctx, "Wanted", tap.Correlation("mine"), tap.Named("Wanted"))
	<-published
	require.NoError(t, err)
	assert.Equal(t, "mine", r.CorrelationID, "another scenario's message must not match")
}

func TestAwaitTimeoutShowsTheTimeline(t *testing.T) {
	t.Parallel()
	tp, nc := setup(t)
	publish(t, nc, "mine", "Seen")
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := tp.Await(ctx, "a Missing event", tap.Correlation("mine"), tap.Named("Missing"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "expected a Missing event")
	assert.Contains(t, err.Error(), "mallbots.test.events.Seen")
}

func TestAssertNone(t *testing.T) {
	t.Parallel()
	tp, nc := setup(t)
	ctx := context.Background()
	require.NoError(t, tp.AssertNone(ctx, 100*time.Millisecond, "Nope", tap.Correlation("mine"), tap.Named("Nope")))
	publish(t, nc, "mine", "Nope")
	awaitCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	_, err := tp.Await(awaitCtx, "Nope", tap.Correlation("mine"), tap.Named("Nope"))
	require.NoError(t, err)
	err = tp.AssertNone(ctx, 100*time.Millisecond, "Nope", tap.Correlation("mine"), tap.Named("Nope"))
	require.Error(t, err, "a message that already arrived breaks the window too")
	assert.Contains(t, err.Error(), "expected no Nope")
}
