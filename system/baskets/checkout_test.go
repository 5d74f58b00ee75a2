package baskets_test

import (
	"encoding/json"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func TestCheckoutPublishesTheWholeBasket(t *testing.T) {
	t.Parallel()
	env, c := startMall(t)
	ctx := testContext(t)
	tools, hammer := seedProduct(t, ctx, c, "Tools", "Hammer", 1250)
	books, novel := seedProduct(t, ctx, c, "Books", "Novel", 899)

	nc, err := nats.Connect(env.NATS.URL())
	require.NoError(t, err)
	t.Cleanup(nc.Close)
	sub, err := nc.SubscribeSync(basketsapi.Subject("BasketCheckedOut"))
	require.NoError(t, err)
	require.NoError(t, nc.Flush(), "the subscription is registered before the checkout")

	correlation := "checkout-" + msg.NewID()
	ctx = msg.WithMeta(ctx, msg.Meta{CorrelationID: correlation})
	customer := register(t, ctx, c)
	b, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: customer})
	require.NoError(t, err)
	_, err = c.AddItem(ctx, b.ID, basketsapi.AddItem{ProductID: hammer.ID, Quantity: 2})
	require.NoError(t, err)
	_, err = c.AddItem(ctx, b.ID, basketsapi.AddItem{ProductID: novel.ID, Quantity: 1})
	require.NoError(t, err)
	got, err := c.CheckoutBasket(ctx, b.ID, basketsapi.Checkout{PaymentID: "payment-1"})
	require.NoError(t, err)

	want := basketsapi.Basket{ID: b.ID, CustomerID: customer, Status: basketsapi.StatusCheckedOut,
		PaymentID: "payment-1", TotalCents: 2*1250 + 899, Items: []basketsapi.Item{
			{StoreID: tools.ID, StoreName: "Tools", ProductID: hammer.ID, ProductName: "Hammer", PriceCents: 1250, Quantity: 2},
			{StoreID: books.ID, StoreName: "Books", ProductID: novel.ID, ProductName: "Novel", PriceCents: 899, Quantity: 1},
		}}
	assert.Equal(t, want, got, "the checkout answer")

	m, err := sub.NextMsgWithContext(ctx)
	require.NoError(t, err, "BasketCheckedOut reaches the wire")
	t.Logf("BasketCheckedOut on the wire: %s", m.Data)
	e, err := msg.Unmarshal(m.Data)
	require.NoError(t, err)
	assert.Equal(t, "BasketCheckedOut", e.Name)
	assert.Equal(t, correlation, e.CorrelationID, "the event carries the request's correlation id")
	assert.Equal(t, b.ID, e.AggregateID)
	assert.Equal(t, 4, e.AggregateVersion, "started, two items added, checked out")
	assert.Equal(t, e.ID, m.Header.Get(nats.MsgIdHdr), "the envelope id is the JetStream Msg-Id")
	var payload basketsapi.BasketCheckedOut
	require.NoError(t, json.Unmarshal(e.Payload, &payload))
	assert.Equal(t, want, payload.Basket, "the event carries names, prices, stores, customer, payment and total")

	read, err := c.Basket(ctx, b.ID)
	require.NoError(t, err)
	assert.Equal(t, want, read, "the basket rebuilt from its events")
}
