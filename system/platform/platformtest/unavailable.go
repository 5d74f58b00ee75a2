package platformtest

import (
	"context"
	"encoding/json"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// testUnavailableOutlastsMaxDeliver: a handler failing because a
// dependency is unavailable (the database down, a copy not caught up) gets
// its message again past max deliver, and handles it once the dependency
// is back; past MaxUnavailable the message is dead-lettered after all.
func testUnavailableOutlastsMaxDeliver(t *testing.T, newEnv NewEnv) {
	env := newEnv(t)
	subject := uniqueSubject("Waiting")
	durable := "suite-" + msg.NewID()[24:]
	dlq := must[*nats.Subscription](t)(env.Bus.Conn().SubscribeSync(msg.DeadLetterSubject(durable)))
	var handled atomic.Bool
	var laterDeliveries atomic.Int32
	spec := bus.ConsumerSpec{Durable: durable, Subjects: []string{subject}, MaxDeliver: 3, MaxUnavailable: 12,
		Backoff: func(int) time.Duration { return 10 * time.Millisecond }}
	calls := consume(t, env, spec, func(_ context.Context, e msg.Envelope) error {
		var n noted
		_ = json.Unmarshal(e.Payload, &n)
		if n.Note == "never" || laterDeliveries.Add(1) < 7 {
			return apperr.Unavailable(errors.New("customer not in the cache yet"))
		}
		handled.Store(true)
		return nil
	})
	recovering := must[msg.Envelope](t)(msg.New(context.Background(), subject, "Waiting", noted{Note: "later"}))
	publishCopies(t, env, recovering, 1)
	require.Eventually(t, handled.Load, 10*time.Second, 5*time.Millisecond, "handled once the dependency is back")
	assert.EqualValues(t, 7, calls.Load(), "six unavailable deliveries, past max deliver 3, then the handled one")

	never := must[msg.Envelope](t)(msg.New(context.Background(), subject, "Waiting", noted{Note: "never"}))
	publishCopies(t, env, never, 1)
	m := must[*nats.Msg](t)(dlq.NextMsg(15 * time.Second))
	var dl bus.DeadLetter
	require.NoError(t, json.Unmarshal(m.Data, &dl))
	assert.EqualValues(t, 12, dl.Deliveries, "dead-lettered after max unavailable deliveries")
	_, err := dlq.NextMsg(300 * time.Millisecond)
	assert.ErrorIs(t, err, nats.ErrTimeout, "the recovered message was never dead-lettered")
}
