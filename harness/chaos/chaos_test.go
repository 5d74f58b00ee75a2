package chaos_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/chaos"
	"github.com/mallbots/mallbots/harness/local"
	"github.com/mallbots/mallbots/harness/topology"
)

// TestAKilledContextLosesNothing runs two real phases on the local
// runtime: the saga's participants killed in the middle of checkouts, and
// every message delivered three times. Each must count every accepted
// checkout approved, every outbox row published once and the poison
// dead-lettered by each of its consumers, and nothing else.
func TestAKilledContextLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("brings the whole system up")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	topo := topology.Microservices()
	env, err := local.New().Up(ctx, topo)
	require.NoError(t, err)
	t.Cleanup(func() { _ = env.Close(context.WithoutCancel(ctx)) })
	target, err := chaos.NewTarget(ctx, env, topo)
	require.NoError(t, err)
	t.Cleanup(target.Close)
	faults, err := chaos.Select(chaos.Faults(topo, false), "kill-saga,redeliver-3x")
	require.NoError(t, err)

	var out bytes.Buffer
	rep, err := chaos.Run(ctx, target, faults, chaos.Settings{Rate: 10, Window: 2 * time.Second,
		At: 500 * time.Millisecond, Down: time.Second, Until: "approved"}, &out)
	require.NoError(t, err)
	require.Len(t, rep.Phases, 2)
	for _, ph := range rep.Phases {
		c := ph.Counts
		assert.Empty(t, ph.Violations, ph.Fault)
		assert.GreaterOrEqual(t, c.Accepted, 15, "%s: about 10/s for 2s", ph.Fault)
		assert.Equal(t, c.Accepted, c.Approved, ph.Fault)
		assert.Equal(t, c.Accepted, c.Orders, ph.Fault)
		assert.Positive(t, c.OutboxRows, ph.Fault)
		assert.Equal(t, c.OutboxRows, c.PublishedOnce, ph.Fault)
		assert.Equal(t, 3, c.ExpectedPoison, "%s: baskets, depot and search consume StoreCreated", ph.Fault)
		assert.Equal(t, 3, c.PoisonDeadLetters, ph.Fault)
		assert.Less(t, ph.Injected, ph.Healed, ph.Fault)
	}
	assert.Positive(t, rep.Phases[1].Counts.Redelivered, "the services delivered messages again")
	assert.True(t, rep.Passed())
	assert.Contains(t, out.String(), "kill-saga")
}
