package search_test

import (
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/search/adapters/consumers"
	"github.com/mallbots/mallbots/system/search/searchapi"
)

// TestRedeliveredEventHasOneEffect publishes the same OrderCreated envelope
// twice under two JetStream Msg-Ids, so the stream stores and delivers it
// twice: search holds one order with one set of lines. In between, the
// stored version is set back by hand, so that only the inbox stands between
// the second copy and a second effect.
func TestRedeliveredEventHasOneEffect(t *testing.T) {
	t.Parallel()
	env, c := startSearch(t)
	ctx := testContext(t)
	m, db := newMall(t, ctx, env), searchDB(t, ctx, env)
	customerID := msg.NewID()
	o := newOrder(customerID,
		orderingapi.Item{ProductID: "p1", ProductName: "Lamp", StoreID: "s1", StoreName: "Lights", PriceCents: 500, Quantity: 1},
		orderingapi.Item{ProductID: "p2", ProductName: "Saw", StoreID: "s2", StoreName: "Tools", PriceCents: 2000, Quantity: 2})
	e, err := msg.New(ctx, orderingapi.Subject("OrderCreated"), "OrderCreated", orderingapi.OrderCreated{Order: o},
		msg.WithAggregate(o.ID, 1))
	require.NoError(t, err)
	data, err := msg.Marshal(e)
	require.NoError(t, err)
	publishAs := func(msgID string) {
		t.Helper()
		nm := &nats.Msg{Subject: e.Subject, Data: data, Header: nats.Header{}}
		nm.Header.Set(jetstream.MsgIDHeader, msgID)
		ack, err := m.bus.JetStream().PublishMsg(ctx, nm)
		require.NoError(t, err)
		require.False(t, ack.Duplicate, "the stream stores the copy published as %s", msgID)
	}

	publishAs(e.ID)
	byCustomer := searchapi.OrderQuery{CustomerID: customerID}
	eventuallyOrder(t, ctx, c, byCustomer, o.ID, func(ct *assert.CollectT, got searchapi.Order) {
		assert.Len(ct, got.Items, 2)
	})
	_, err = db.Exec(ctx, `UPDATE orders SET version = 0 WHERE order_id = $1`, o.ID)
	require.NoError(t, err)

	publishAs(e.ID + "-redelivered")
	m.settle(c)

	got, err := c.SearchOrders(ctx, byCustomer)
	require.NoError(t, err)
	require.Len(t, got.Orders, 1, "one order")
	assert.Len(t, got.Orders[0].Items, 2, "one set of lines")
	var version, lines, recorded int
	require.NoError(t, db.QueryRow(ctx, `SELECT version FROM orders WHERE order_id = $1`, o.ID).Scan(&version))
	assert.Zero(t, version, "the second copy was not applied")
	require.NoError(t, db.QueryRow(ctx, `SELECT count(*) FROM order_items WHERE order_id = $1`, o.ID).Scan(&lines))
	assert.Equal(t, 2, lines)
	require.NoError(t, db.QueryRow(ctx, `SELECT count(*) FROM inbox WHERE consumer = $1 AND message_id = $2`,
		consumers.OrderingConsumer, e.ID).Scan(&recorded))
	assert.Equal(t, 1, recorded, "the inbox holds the message once")
}
