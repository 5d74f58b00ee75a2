package platformtest

import (
	"context"
	"encoding/json"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

type noted struct {
	Note string `json:"note"`
}

// consume starts a consumer whose handler calls are counted.
func consume(t *testing.T, env Env, spec bus.ConsumerSpec, h bus.Handler) *atomic.Int32 {
	calls := &atomic.Int32{}
	ctx, cancel := context.WithCancel(context.Background())
	sub, err := env.Bus.Consume(ctx, spec, func(ctx context.Context, e msg.Envelope) error {
		calls.Add(1)
		return h(ctx, e)
	})
	require.NoError(t, err)
	t.Cleanup(func() {
		cancel()
		sub.Stop()
	})
	return calls
}

// publishCopies stores the same envelope n times under distinct Msg-Ids, as
// a redelivery or a producer retry past the dedupe window would.
func publishCopies(t *testing.T, env Env, e msg.Envelope, n int) {
	data := must[[]byte](t)(msg.Marshal(e))
	for i := range n {
		m := &nats.Msg{Subject: e.Subject, Data: data, Header: nats.Header{}}
		m.Header.Set(jetstream.MsgIDHeader, e.ID+"-copy-"+string(rune('a'+i)))
		_, err := env.Bus.JetStream().PublishMsg(deadline(t), m)
		require.NoError(t, err)
	}
}

func testInboxDedupe(t *testing.T, newEnv NewEnv) {
	env, ctx := newEnv(t), deadline(t)
	_, err := env.Pool.Exec(ctx, `CREATE TABLE effects (message_id text NOT NULL, note text NOT NULL)`)
	require.NoError(t, err)
	subject := uniqueSubject("Noted")
	router := inbox.NewRouter("suite-" + msg.NewID()[24:])
	inbox.On(router, subject, func(ctx context.Context, tx pgx.Tx, e msg.Envelope, p *noted) error {
		_, err := tx.Exec(ctx, `INSERT INTO effects VALUES ($1, $2)`, e.ID, p.Note)
		return err
	})
	calls := consume(t, env, bus.ConsumerSpec{Durable: router.Consumer(), Subjects: router.Subjects()},
		router.Handler(env.Pool))

	e := must[msg.Envelope](t)(msg.New(ctx, subject, "Noted", noted{Note: "hello"}))
	publishCopies(t, env, e, 3)
	require.Eventually(t, func() bool { return calls.Load() == 3 }, 10*time.Second, 5*time.Millisecond,
		"all three deliveries reach the handler")

	var effects int
	require.NoError(t, env.Pool.QueryRow(ctx, `SELECT count(*) FROM effects`).Scan(&effects))
	assert.Equal(t, 1, effects, "three deliveries, one effect")
}

func testDeadLetter(t *testing.T, newEnv NewEnv) {
	env := newEnv(t)
	subject := uniqueSubject("Poison")
	durable := "suite-" + msg.NewID()[24:]
	dlq := must[*nats.Subscription](t)(env.Bus.Conn().SubscribeSync(msg.DeadLetterSubject(durable)))
	spec := bus.ConsumerSpec{Durable: durable, Subjects: []string{subject}, MaxDeliver: 3,
		Backoff: func(int) time.Duration { return 10 * time.Millisecond }}
	calls := consume(t, env, spec, func(context.Context, msg.Envelope) error {
		return errors.New("always fails")
	})

	e := must[msg.Envelope](t)(msg.New(context.Background(), subject, "Poison", noted{Note: "x"}))
	publishCopies(t, env, e, 1)
	m := must[*nats.Msg](t)(dlq.NextMsg(15 * time.Second))

	var dl bus.DeadLetter
	require.NoError(t, json.Unmarshal(m.Data, &dl))
	assert.Equal(t, durable, dl.Consumer)
	assert.Equal(t, subject, dl.OriginalSubject)
	assert.EqualValues(t, 3, dl.Deliveries)
	assert.Contains(t, dl.Error, "always fails")
	original := must[msg.Envelope](t)(msg.Unmarshal(dl.Original))
	assert.Equal(t, e.ID, original.ID, "the dead letter keeps the original message")
	assert.EqualValues(t, 3, calls.Load(), "the handler ran exactly max-deliver times")

	_, err := dlq.NextMsg(300 * time.Millisecond)
	assert.ErrorIs(t, err, nats.ErrTimeout, "no second dead letter")
	assert.EqualValues(t, 3, calls.Load(), "no delivery after dead-lettering")
}

func testPoisonBytes(t *testing.T, newEnv NewEnv) {
	env := newEnv(t)
	subject := uniqueSubject("Garbage")
	durable := "suite-" + msg.NewID()[24:]
	dlq := must[*nats.Subscription](t)(env.Bus.Conn().SubscribeSync(msg.DeadLetterSubject(durable)))
	calls := consume(t, env, bus.ConsumerSpec{Durable: durable, Subjects: []string{subject}},
		func(context.Context, msg.Envelope) error { return nil })

	require.NoError(t, env.Bus.PublishRaw(deadline(t), subject, msg.NewID(), []byte("not json")))
	m := must[*nats.Msg](t)(dlq.NextMsg(15 * time.Second))
	var dl bus.DeadLetter
	require.NoError(t, json.Unmarshal(m.Data, &dl))
	assert.Equal(t, "not json", dl.OriginalText)
	assert.EqualValues(t, 1, dl.Deliveries, "undecodable input is dead-lettered at once")
	assert.Contains(t, dl.Error, "malformed envelope")
	assert.Zero(t, calls.Load(), "the handler never sees undecodable input")
}
