package cosec_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/mallbots/mallbots/internal/systest"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/cosec/adapters/consumers"
	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// TestOrderCreatedTwiceStartsOneSaga stores the same OrderCreated envelope
// twice in the stream (two JetStream Msg-Ids), as a redelivery would, then
// ordering's event for the same order again under a new message id: one
// saga, one AuthorizeCustomer.
func TestOrderCreatedTwiceStartsOneSaga(t *testing.T) {
	t.Parallel()
	m := startCosec(t, 0)
	p := m.play(t, map[string]answer{cosecapi.StepAuthorizeCustomer: silent})
	o := newOrder()
	created := orderCreated(t, o, "checkout-"+msg.NewID())
	data, err := msg.Marshal(created)
	require.NoError(t, err)
	for _, msgID := range []string{created.ID, created.ID + "-redelivered"} {
		nm := &nats.Msg{Subject: created.Subject, Data: data, Header: nats.Header{}}
		nm.Header.Set(jetstream.MsgIDHeader, msgID)
		ack, err := m.bus.JetStream().PublishMsg(t.Context(), nm)
		require.NoError(t, err)
		require.False(t, ack.Duplicate, "the stream stores the copy published as %s", msgID)
	}
	m.createOrder(t, o, created.CorrelationID)
	m.consumerSettled(t, consumers.OrderingConsumer)

	assert.Equal(t, []string{cosecapi.StepAuthorizeCustomer}, names(p.await(t, 1)))
	db := cosecDB(t, m)
	var sagas, recorded int
	require.NoError(t, db.QueryRow(t.Context(), `SELECT count(*) FROM sagas WHERE order_id = $1`, o.ID).Scan(&sagas))
	assert.Equal(t, 1, sagas)
	require.NoError(t, db.QueryRow(t.Context(), `SELECT count(*) FROM inbox WHERE consumer = $1 AND message_id = $2`,
		consumers.OrderingConsumer, created.ID).Scan(&recorded))
	assert.Equal(t, 1, recorded, "the inbox holds the message once")
	saga, err := m.c.Saga(t.Context(), o.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{"AuthorizeCustomer:sent"}, steps(saga))
}

// TestAReplyForNoSagaIsDeadLettered: a reply naming an order without a saga,
// or no order at all, compensates nothing; it goes to the dead-letter
// subject, where it can be seen, and the consumer goes on.
func TestAReplyForNoSagaIsDeadLettered(t *testing.T) {
	t.Parallel()
	m := startCosec(t, 0)
	p := m.play(t, nil)
	dlq := systest.ReadWire(t, m.env.NATS.URL(), msg.DeadLetterSubject(consumers.RepliesConsumer))
	for _, headers := range []map[string]string{
		{command.HeaderSagaID: msg.NewID(), command.HeaderSagaStep: cosecapi.StepConfirmPayment},
		{command.HeaderSagaStep: cosecapi.StepAuthorizeCustomer},
	} {
		var opts []msg.Option
		for k, v := range headers {
			opts = append(opts, msg.WithHeader(k, v))
		}
		reply, err := msg.New(t.Context(), cosecapi.ReplySubject, "ConfirmPaymentReply",
			command.Reply{Command: "ConfirmPayment", Outcome: command.Failed, Reason: "unknown payment"}, opts...)
		require.NoError(t, err)
		require.NoError(t, m.bus.Publish(t.Context(), reply))

		var dl bus.DeadLetter
		require.NoError(t, json.Unmarshal(dlq.NextMsg(t).Data(), &dl))
		assert.Equal(t, consumers.RepliesConsumer, dl.Consumer)
		assert.Contains(t, dl.Error, "unknown saga")
		assert.EqualValues(t, 1, dl.Deliveries, "dead-lettered at once, not retried")
	}

	o := newOrder()
	m.createOrder(t, o, "checkout-"+msg.NewID())
	assert.Equal(t, forward, names(p.await(t, len(forward))), "the consumer goes on; nothing was compensated")
	assert.Equal(t, cosecapi.StatusSucceeded, m.ended(t, o.ID).Status)
}

// TestAnOutageIsRetriedNeverCompensated takes the saga table away while a
// saga starts and while a reply arrives: both messages fail with an
// infrastructure error and are redelivered by the bus; once the table is
// back, the saga goes on as if nothing happened. The step timeout is long,
// so only an outage could fail the saga here.
func TestAnOutageIsRetriedNeverCompensated(t *testing.T) {
	t.Parallel()
	m := startCosec(t, 0, func(c *host.Config) { c.MaxDeliver = 20 })
	authorized := make(chan msg.Envelope, 1)
	p := m.play(t, map[string]answer{cosecapi.StepAuthorizeCustomer: func(_ *participants, cmd msg.Envelope) *command.Reply {
		authorized <- cmd
		return nil
	}})
	db := cosecDB(t, m)
	o := newOrder()

	outage(t, db, func() {
		m.createOrder(t, o, "checkout-"+msg.NewID())
		m.consumerWhen(t, consumers.OrderingConsumer, redelivered)
	})
	cmd := <-authorized
	outage(t, db, func() {
		p.reply(cmd, *succeed(p, cmd))
		m.consumerWhen(t, consumers.RepliesConsumer, redelivered)
	})

	assert.Equal(t, forward, names(p.await(t, len(forward))))
	saga := m.ended(t, o.ID)
	assert.Equal(t, cosecapi.StatusSucceeded, saga.Status)
	assert.Empty(t, saga.FailureReason)
}

// outage renames the saga table away while during runs, so every saga
// transaction fails as when Postgres is unreachable, then brings it back.
func outage(t *testing.T, db *pgxpool.Pool, during func()) {
	t.Helper()
	_, err := db.Exec(t.Context(), `ALTER TABLE sagas RENAME TO sagas_offline`)
	require.NoError(t, err)
	defer func() {
		_, err := db.Exec(context.WithoutCancel(t.Context()), `ALTER TABLE sagas_offline RENAME TO sagas`)
		require.NoError(t, err)
	}()
	during()
}

// redelivered reports that a message failed and is being delivered again.
func redelivered(i *jetstream.ConsumerInfo) bool { return i.NumRedelivered > 0 }

// cosecDB opens the cosec schema of a test's database.
func cosecDB(tb testing.TB, m *mall) *pgxpool.Pool {
	tb.Helper()
	pool, err := pg.Connect(context.Background(), m.env.DSN, cosecapi.Context)
	require.NoError(tb, err)
	tb.Cleanup(pool.Close)
	return pool
}
