package platformtest

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// testForcedDeliveries: a chaos run's forced deliveries hand each message
// to the handler three times, and the inbox keeps one effect of each.
func testForcedDeliveries(t *testing.T, newEnv NewEnv) {
	env, ctx := newEnv(t), deadline(t)
	env.Bus.ForceDeliveries(3)
	_, err := env.Pool.Exec(ctx, `CREATE TABLE forced_effects (message_id text NOT NULL)`)
	require.NoError(t, err)
	subject := uniqueSubject("Forced")
	router := inbox.NewRouter("suite-" + msg.NewID()[24:])
	inbox.On(router, subject, func(ctx context.Context, tx pgx.Tx, e msg.Envelope, _ *noted) error {
		_, err := tx.Exec(ctx, `INSERT INTO forced_effects VALUES ($1)`, e.ID)
		return err
	})
	calls := consume(t, env, bus.ConsumerSpec{Durable: router.Consumer(), Subjects: router.Subjects(), Workers: 4},
		router.Handler(env.Pool))

	const messages = 5
	for i := range messages {
		e := must[msg.Envelope](t)(msg.New(ctx, subject, "Noted", noted{Note: string(rune('a' + i))}))
		require.NoError(t, env.Bus.Publish(ctx, e))
	}
	require.Eventually(t, func() bool { return calls.Load() >= 3*messages }, 10*time.Second, 5*time.Millisecond,
		"every message reaches the handler three times")
	systest.AwaitCaughtUp(t, ctx, env.Bus.JetStream(), router.Consumer())

	assert.EqualValues(t, 3*messages, calls.Load(), "each message is handled three times")
	assert.EqualValues(t, 2*messages, env.Bus.ForcedRedeliveries(), "two forced redeliveries per message")
	var effects int
	require.NoError(t, env.Pool.QueryRow(ctx, `SELECT count(DISTINCT message_id) FROM forced_effects`).Scan(&effects))
	var rows int
	require.NoError(t, env.Pool.QueryRow(ctx, `SELECT count(*) FROM forced_effects`).Scan(&rows))
	assert.Equal(t, messages, effects)
	assert.Equal(t, messages, rows, "one effect per message")
}
