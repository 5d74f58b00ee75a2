package platformtest

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// laneRecorder records, per aggregate, the notes handled in order, and
// holds every message of the aggregate "blocked" until released.
type laneRecorder struct {
	mu      sync.Mutex
	once    sync.Once
	seen    map[string][]string
	release chan struct{}
	handled chan string
}

func (r *laneRecorder) handle(_ context.Context, e msg.Envelope) error {
	if e.AggregateID == "blocked" {
		<-r.release
	}
	var n noted
	if err := json.Unmarshal(e.Payload, &n); err != nil {
		return err
	}
	r.mu.Lock()
	r.seen[e.AggregateID] = append(r.seen[e.AggregateID], n.Note)
	r.mu.Unlock()
	r.handled <- e.AggregateID
	return nil
}

func (r *laneRecorder) unblock() { r.once.Do(func() { close(r.release) }) }

// testLanes: with several workers (the four aggregates' keys fall in four
// different lanes of four), a message whose handler is stuck does
// not hold back messages of other aggregates, and each aggregate's messages
// are still handled one at a time in stream order.
func testLanes(t *testing.T, newEnv NewEnv) {
	env := newEnv(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	subject := uniqueSubject("Laned")
	rec := &laneRecorder{seen: map[string][]string{}, release: make(chan struct{}), handled: make(chan string, 64)}
	consume(t, env, bus.ConsumerSpec{Durable: "suite-" + msg.NewID()[24:], Subjects: []string{subject}, Workers: 4},
		rec.handle)
	t.Cleanup(rec.unblock) // runs before the consumer stops, also on failure
	publishNotes(t, env, subject, "blocked", 1)
	for _, agg := range []string{"a", "b", "c"} {
		publishNotes(t, env, subject, agg, 5)
	}
	awaitHandled(ctx, t, rec.handled, 15)
	rec.unblock()
	awaitHandled(ctx, t, rec.handled, 1)

	rec.mu.Lock()
	defer rec.mu.Unlock()
	for _, agg := range []string{"a", "b", "c"} {
		assert.Equal(t, []string{"1", "2", "3", "4", "5"}, rec.seen[agg], "aggregate %s in stream order", agg)
	}
	assert.Equal(t, []string{"1"}, rec.seen["blocked"])
}

func publishNotes(t *testing.T, env Env, subject, aggregate string, n int) {
	for i := range n {
		e := must[msg.Envelope](t)(msg.New(context.Background(), subject, "Laned",
			noted{Note: string(rune('1' + i))}, msg.WithAggregate(aggregate, i+1)))
		require.NoError(t, env.Bus.Publish(deadline(t), e))
	}
}

// awaitHandled waits for n handled messages; the 15 of the free aggregates
// can only all arrive while the blocked one is stuck if lanes overlap.
func awaitHandled(ctx context.Context, t *testing.T, handled <-chan string, n int) {
	t.Helper()
	for i := range n {
		select {
		case <-handled:
		case <-ctx.Done():
			t.Fatalf("only %d of %d messages handled", i, n)
		}
	}
}
