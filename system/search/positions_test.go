package search_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/search/adapters/consumers"
	"github.com/mallbots/mallbots/system/search/searchapi"
)

// TestAPositionPassesAMessageOnceItIsApplied: the position search reports
// for its consumer of ordering's events passes an event's stream sequence
// once search shows the event's effect, so that one read then sees it, and
// not while the event is delivered but not yet applied (its transaction
// waits on a row the test holds). Its other consumers, which do not
// receive ordering's events, report positions of their own.
func TestAPositionPassesAMessageOnceItIsApplied(t *testing.T) {
	t.Parallel()
	env, c := startSearch(t)
	ctx := testContext(t)
	m := newMall(t, ctx, env)
	o := newOrder(msg.NewID(), orderingapi.Item{ProductID: "p", ProductName: "Lamp", StoreID: "s",
		StoreName: "Lights", PriceCents: 5, Quantity: 1})

	created := m.orderAt(1, orderingapi.OrderCreated{Order: o})
	awaitPosition(t, ctx, c, consumers.OrderingConsumer, created)
	assert.Equal(t, string(orderingapi.StatusPending), statusOf(t, ctx, c, o), "read once the position passed")

	held := holdOrder(t, ctx, searchDB(t, ctx, env), o.ID)
	approved := m.orderAt(2, orderingapi.OrderApproved{Order: in(o, orderingapi.StatusApproved)})
	awaitDelivered(t, ctx, m.bus.JetStream(), consumers.OrderingConsumer, approved)
	p, err := c.Positions(ctx, searchapi.Context)
	require.NoError(t, err)
	assert.False(t, p.Reached(consumers.OrderingConsumer, approved), "delivered, not applied: %+v", p)
	assert.True(t, p.Reached(consumers.OrderingConsumer, created), "%+v", p)
	for _, other := range []string{consumers.CustomersConsumer, consumers.StoresConsumer} {
		at, ok := p.Of(other)
		assert.True(t, ok && at < created, "%s received nothing: %+v", other, p)
	}
	assert.Equal(t, string(orderingapi.StatusPending), statusOf(t, ctx, c, o))

	require.NoError(t, held.Rollback(ctx))
	awaitPosition(t, ctx, c, consumers.OrderingConsumer, approved)
	assert.Equal(t, string(orderingapi.StatusApproved), statusOf(t, ctx, c, o), "read once the position passed")
}

// orderAt publishes an ordering event as version of its order and returns
// its stream sequence.
func (m *mall) orderAt(version int, e orderEvent) uint64 {
	m.tb.Helper()
	env, err := msg.New(m.ctx, orderingapi.Subject(e.EventName()), e.EventName(), e,
		msg.WithAggregate(e.OrderState().ID, version))
	require.NoError(m.tb, err)
	data, err := msg.Marshal(env)
	require.NoError(m.tb, err)
	out := &nats.Msg{Subject: env.Subject, Data: data, Header: nats.Header{}}
	out.Header.Set(jetstream.MsgIDHeader, env.ID)
	ack, err := m.bus.JetStream().PublishMsg(m.ctx, out)
	require.NoError(m.tb, err)
	return ack.Sequence
}

// awaitPosition waits until search reports that consumer has applied
// every message it receives up to seq.
func awaitPosition(t *testing.T, ctx context.Context, c *client.Client, consumer string, seq uint64) {
	t.Helper()
	require.EventuallyWithT(t, func(ct *assert.CollectT) {
		p, err := c.Positions(ctx, searchapi.Context)
		if assert.NoError(ct, err) {
			assert.True(ct, p.Reached(consumer, seq), "%s up to %d: %+v", consumer, seq, p)
		}
	}, deadline, pollEvery)
}

// awaitDelivered waits until JetStream has handed consumer the message at
// seq and still waits for its ack.
func awaitDelivered(t *testing.T, ctx context.Context, js jetstream.JetStream, consumer string, seq uint64) {
	t.Helper()
	require.EventuallyWithT(t, func(ct *assert.CollectT) {
		cons, err := js.Consumer(ctx, bus.StreamName, consumer)
		if !assert.NoError(ct, err) {
			return
		}
		info := cons.CachedInfo()
		assert.GreaterOrEqual(ct, info.Delivered.Stream, seq)
		assert.Positive(ct, info.NumAckPending)
	}, deadline, pollEvery)
}

// holdOrder locks the order's row of the read model until the returned
// transaction ends: a projection of the order waits on it.
func holdOrder(t *testing.T, ctx context.Context, pool *pgxpool.Pool, orderID string) pgx.Tx {
	t.Helper()
	tx, err := pool.Begin(ctx)
	require.NoError(t, err)
	t.Cleanup(func() { _ = tx.Rollback(context.WithoutCancel(ctx)) })
	_, err = tx.Exec(ctx, `SELECT 1 FROM orders WHERE order_id = $1 FOR UPDATE`, orderID)
	require.NoError(t, err)
	return tx
}

// statusOf reads the order's status in search once.
func statusOf(t *testing.T, ctx context.Context, c *client.Client, o orderingapi.Order) string {
	t.Helper()
	list, err := c.SearchOrders(ctx, searchapi.OrderQuery{CustomerID: o.CustomerID})
	require.NoError(t, err)
	for _, got := range list.Orders {
		if got.OrderID == o.ID {
			return got.Status
		}
	}
	return "(not in search)"
}
