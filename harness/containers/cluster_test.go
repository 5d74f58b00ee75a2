package containers_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/containers"
	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/topology"
	"github.com/mallbots/mallbots/system/platform/bus"
)

// TestAClusterOfContainersLosesItsLeaderAndTakesItBack brings the cluster
// topology up in containers: the services' stream lives on three NATS
// containers. Stopping the stream's leader makes another node lead and the
// stopped one fall behind; started again, it holds a current replica.
func TestAClusterOfContainersLosesItsLeaderAndTakesItBack(t *testing.T) {
	if testing.Short() {
		t.Skip("containers runtime: skipped in -short mode")
	}
	engine(t)
	root, err := os.Getwd()
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Minute)
	defer cancel()
	rt := containers.New(containers.WithModuleRoot(root+"/../.."), containers.WithProgress(testWriter{t}))
	renv, err := rt.Up(ctx, topology.Cluster())
	require.NoError(t, err)
	t.Cleanup(func() { _ = renv.Close(context.WithoutCancel(ctx)) })
	env := renv.(*containers.Env)
	nc, err := nats.Connect(env.Endpoints().NATS, nats.MaxReconnects(-1), nats.ReconnectWait(50*time.Millisecond))
	require.NoError(t, err)
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	require.NoError(t, err)
	before := streamCluster(t, ctx, js)
	require.Len(t, before.Replicas, 2, "the stream is on three nodes")

	stopped, err := env.StopBrokerNode(ctx, runtime.NodeLeader)
	require.NoError(t, err)
	assert.Equal(t, before.Leader, stopped)
	require.Eventually(t, func() bool {
		c, err := tryStreamCluster(ctx, js)
		return err == nil && c.Leader != "" && c.Leader != stopped
	}, 30*time.Second, 100*time.Millisecond, "another node leads the stream")
	assert.False(t, current(streamCluster(t, ctx, js), stopped), "the stopped node holds no current replica")

	require.NoError(t, env.StartBrokerNode(ctx, stopped))
	after := streamCluster(t, ctx, js)
	assert.True(t, current(after, stopped), "the node started again holds a current replica: %+v", after)
}

func streamCluster(t *testing.T, ctx context.Context, js jetstream.JetStream) *jetstream.ClusterInfo {
	t.Helper()
	c, err := tryStreamCluster(ctx, js)
	require.NoError(t, err)
	return c
}

func tryStreamCluster(ctx context.Context, js jetstream.JetStream) (*jetstream.ClusterInfo, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	s, err := js.Stream(ctx, bus.StreamName)
	if err != nil {
		return nil, err
	}
	return s.CachedInfo().Cluster, nil
}

// current says whether node holds a current replica of the stream.
func current(c *jetstream.ClusterInfo, node string) bool {
	for _, r := range c.Replicas {
		if r.Name == node {
			return r.Current && !r.Offline
		}
	}
	return false
}
