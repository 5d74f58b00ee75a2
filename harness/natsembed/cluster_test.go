package natsembed_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/natsembed"
)

// TestAClusterKeepsAStreamThroughTheLossOfItsLeader: a stream of three
// replicas on three embedded nodes takes messages while its leader is
// down, and keeps every one once the node is back.
func TestAClusterKeepsAStreamThroughTheLossOfItsLeader(t *testing.T) {
	c, err := natsembed.StartCluster(3)
	require.NoError(t, err)
	t.Cleanup(c.Close)
	assert.Len(t, strings.Split(c.URL(), ","), 3)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	nc, err := nats.Connect(c.URL(), nats.MaxReconnects(-1), nats.ReconnectWait(50*time.Millisecond))
	require.NoError(t, err)
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	require.NoError(t, err)
	_, err = js.CreateStream(ctx, jetstream.StreamConfig{Name: "S", Subjects: []string{"s.>"}, Replicas: 3})
	require.NoError(t, err, "a started cluster takes an R3 stream at once")
	leader, err := c.StreamLeader("S", 10*time.Second) // it answers publishes once it has a leader
	require.NoError(t, err)
	_, err = js.Publish(ctx, "s.1", []byte("before"))
	require.NoError(t, err)

	node, err := c.Node(leader)
	require.NoError(t, err)
	node.Shutdown()
	require.Eventually(t, func() bool {
		pctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		_, err := js.Publish(pctx, "s.2", []byte("while the leader is down"))
		return err == nil
	}, 30*time.Second, 100*time.Millisecond, "a new leader takes messages")
	again, err := c.StreamLeader("S", 10*time.Second)
	require.NoError(t, err)
	assert.NotEqual(t, leader, again)

	require.NoError(t, node.Restart())
	s, err := js.Stream(ctx, "S")
	require.NoError(t, err)
	info, err := s.Info(ctx)
	require.NoError(t, err)
	assert.EqualValues(t, 2, info.State.Msgs)
	_, err = c.Node("nats-9")
	assert.EqualError(t, err, `no nats node "nats-9" in the cluster`)
}
