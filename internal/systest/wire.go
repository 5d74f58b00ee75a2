package systest

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// WireWait bounds how long a test waits for the next message on a wire.
const WireWait = 20 * time.Second

// Wire reads the messages stored in the domain stream under a filter, in
// stream order from the start of the stream, so that nothing published
// before the test began reading is missed.
type Wire struct {
	filter string
	cons   jetstream.Consumer
}

// ReadWire opens a wire on natsURL for subjects matching filter.
func ReadWire(tb testing.TB, natsURL, filter string) *Wire {
	tb.Helper()
	nc, err := nats.Connect(natsURL)
	require.NoError(tb, err)
	tb.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	require.NoError(tb, err)
	cons, err := js.OrderedConsumer(tb.Context(), bus.StreamName,
		jetstream.OrderedConsumerConfig{FilterSubjects: []string{filter}})
	require.NoError(tb, err)
	return &Wire{filter: filter, cons: cons}
}

// NextMsg returns the next stored message, failing when none arrives
// within WireWait.
func (w *Wire) NextMsg(tb testing.TB) jetstream.Msg {
	tb.Helper()
	deadline := time.Now().Add(WireWait)
	for time.Now().Before(deadline) {
		m, err := w.cons.Next(jetstream.FetchMaxWait(max(time.Until(deadline), time.Second)))
		if errors.Is(err, nats.ErrTimeout) || errors.Is(err, context.DeadlineExceeded) {
			continue
		}
		require.NoError(tb, err, "read the stream")
		return m
	}
	require.FailNow(tb, "no message on "+w.filter+" within "+WireWait.String())
	return nil
}

// NextRaw returns the bytes of the next stored message.
func (w *Wire) NextRaw(tb testing.TB) []byte {
	tb.Helper()
	return w.NextMsg(tb).Data()
}

// Next returns the next stored message decoded as an envelope.
func (w *Wire) Next(tb testing.TB) msg.Envelope {
	tb.Helper()
	m := w.NextMsg(tb)
	env, err := msg.Unmarshal(m.Data())
	require.NoError(tb, err, "envelope on %s: %s", m.Subject(), m.Data())
	return env
}

// Payload decodes an envelope's payload into T.
func Payload[T any](tb testing.TB, env msg.Envelope) T {
	tb.Helper()
	var v T
	require.NoError(tb, json.Unmarshal(env.Payload, &v), "payload of %s: %s", env.Name, env.Payload)
	return v
}

// MustJSON renders v as indented JSON for failure messages.
func MustJSON(tb testing.TB, v any) string {
	tb.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	require.NoError(tb, err)
	return string(data)
}

// Consume hands every message of the wire to handle, in stream order, until
// the test ends.
func (w *Wire) Consume(tb testing.TB, handle func(jetstream.Msg)) {
	tb.Helper()
	cc, err := w.cons.Consume(handle)
	require.NoError(tb, err)
	tb.Cleanup(cc.Stop)
}
