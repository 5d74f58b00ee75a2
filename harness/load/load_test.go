package load_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/load"
	"github.com/mallbots/mallbots/harness/local"
	"github.com/mallbots/mallbots/harness/topology"
)

// TestLoadFollowsEveryOrderToCompleted drives the real system on the local
// runtime for two seconds and checks what the driver measured: every
// accepted order reached every stage, nothing was left behind, and every
// component's resource use was sampled.
func TestLoadFollowsEveryOrderToCompleted(t *testing.T) {
	if testing.Short() {
		t.Skip("brings the whole system up")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	env, err := local.New().Up(ctx, topology.Microservices())
	require.NoError(t, err)
	t.Cleanup(func() { _ = env.Close(context.WithoutCancel(ctx)) })

	res, err := load.Run(ctx, load.Config{Rate: 10, Duration: 2 * time.Second, Until: load.StageCompleted,
		SampleEvery: 200 * time.Millisecond, Runtime: "local", Topology: "microservices"}, env)
	require.NoError(t, err)

	assert.Equal(t, res.Checkouts, res.Accepted, "every checkout accepted; errors: %v", res.Errors)
	assert.GreaterOrEqual(t, res.Checkouts, 15, "about 10/s for 2s")
	assert.Zero(t, res.NotTerminal)
	assert.Equal(t, map[string]int{"completed": res.Accepted}, res.Outcomes)
	assert.Empty(t, res.Errors)
	for _, stage := range load.Stages {
		l, ok := res.LatencyOf(stage)
		if assert.True(t, ok, "stage %s measured", stage) {
			assert.Equal(t, res.Accepted, l.Count, "every order reached %s", stage)
			assert.Positive(t, l.P50, stage)
		}
	}
	assertStagesInOrder(t, res)
	assertEveryComponentSampled(t, res)
	assert.NotEmpty(t, res.Hops)
}

// assertStagesInOrder: an order is visible before it is approved, and
// approved before it is completed.
func assertStagesInOrder(t *testing.T, res load.Result) {
	for _, o := range res.Orders {
		s := o.Stages
		assert.Less(t, s[load.StageVisible], s[load.StageApproved])
		assert.Less(t, s[load.StageApproved], s[load.StageCompleted])
	}
}

func assertEveryComponentSampled(t *testing.T, res load.Result) {
	names := map[string]bool{}
	for _, r := range res.Resources {
		names[r.Name] = true
		assert.Positive(t, r.PeakMemory, r.Name)
	}
	for _, want := range append(topology.Contexts, "postgres", "smsprovider") {
		assert.True(t, names[want], "%s sampled", want)
	}
	assert.Positive(t, res.PeakTotalMemory)
	assert.NotEmpty(t, res.Samples)
}
