package platformtest_test

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/platform/bus"
)

// TestAStreamThatExistsAsAskedIsNotUpdated: every service ensures the
// stream as it starts; after the first, the stream is as asked and none
// updates it (nats-server updates a stream's configuration racing with
// consumers being created). The server announces every update with an
// advisory; a barrier message sent after the last ensure proves that none
// came before it.
func TestAStreamThatExistsAsAskedIsNotUpdated(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	server := systest.NATS(t)
	nc, err := nats.Connect(server.URL())
	require.NoError(t, err)
	t.Cleanup(nc.Close)
	seen := make(chan string, 16)
	sub, err := nc.Subscribe("$JS.EVENT.ADVISORY.STREAM.*."+bus.StreamName, func(m *nats.Msg) { seen <- m.Subject })
	require.NoError(t, err)
	t.Cleanup(func() { _ = sub.Unsubscribe() })
	barrier, err := nc.SubscribeSync("barrier")
	require.NoError(t, err)
	require.NoError(t, nc.Flush())

	for _, service := range []string{"ordering", "baskets", "depot"} {
		b, err := bus.Connect(ctx, server.URL(), service)
		require.NoError(t, err)
		require.NoError(t, b.EnsureStream(ctx), service)
		b.Close()
	}
	require.NoError(t, nc.Publish("$JS.EVENT.ADVISORY.STREAM.BARRIER."+bus.StreamName, nil))
	require.NoError(t, nc.Publish("barrier", nil))
	_, err = barrier.NextMsg(10 * time.Second)
	require.NoError(t, err)

	var got []string
	for subject := range seen {
		got = append(got, subject)
		if subject == "$JS.EVENT.ADVISORY.STREAM.BARRIER."+bus.StreamName {
			break
		}
	}
	assert.Equal(t, []string{"$JS.EVENT.ADVISORY.STREAM.CREATED." + bus.StreamName,
		"$JS.EVENT.ADVISORY.STREAM.BARRIER." + bus.StreamName}, got)
}
