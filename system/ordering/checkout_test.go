package ordering_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/mallbots/mallbots/internal/systest"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/ordering/adapters/consumers"
	"github.com/mallbots/mallbots/system/ordering/domain"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
)

func TestCheckoutCreatesTheOrder(t *testing.T) {
	t.Parallel()
	m := startOrdering(t)
	events := systest.ReadWire(t, m.env.NATS.URL(), msg.AllEvents(orderingapi.Context))
	correlation := "checkout-" + msg.NewID()
	ctx := msg.WithMeta(testContext(t), msg.Meta{CorrelationID: correlation})
	b := basket()
	checkedOut, _ := m.checkout(t, ctx, b)

	created := events.Next(t)
	want := orderOf(b)
	assert.Equal(t, "OrderCreated", created.Name)
	assert.Equal(t, orderingapi.Subject("OrderCreated"), created.Subject)
	assert.Equal(t, want.ID, created.AggregateID)
	assert.Equal(t, 1, created.AggregateVersion)
	assert.Equal(t, correlation, created.CorrelationID, "the order carries the checkout's correlation id")
	assert.Equal(t, checkedOut.ID, created.CausationID, "the order is caused by the checkout")
	assert.Equal(t, want, systest.Payload[orderingapi.OrderCreated](t, created).Order, "names, stores, prices, customer, payment, total")
	t.Logf("OrderCreated on the wire: %s", systest.MustJSON(t, created))

	got, err := m.c.Order(ctx, want.ID)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	byBasket, err := m.c.OrdersByBasket(ctx, b.ID)
	require.NoError(t, err)
	assert.Equal(t, []orderingapi.Order{want}, byBasket.Orders)
	byCustomer, err := m.c.OrdersByCustomer(ctx, b.CustomerID)
	require.NoError(t, err)
	assert.Equal(t, []orderingapi.Order{want}, byCustomer.Orders)
	none, err := m.c.OrdersByCustomer(ctx, "nobody")
	require.NoError(t, err)
	assert.NotNil(t, none.Orders, "an empty list, not null")
	assert.Empty(t, none.Orders)
}

// TestCheckoutTwiceMakesOneOrder delivers one checkout three times: the same
// envelope again under another JetStream Msg-Id (so the stream keeps both),
// and a fresh envelope for the same basket (another message id, as a
// republish would have). Once the consumer has acknowledged the last copy
// every copy was handled; only then is a later checkout, the barrier on the
// wire, made (another basket's lane could overtake them).
func TestCheckoutTwiceMakesOneOrder(t *testing.T) {
	t.Parallel()
	m := startOrdering(t)
	ctx := testContext(t)
	created := systest.ReadWire(t, m.env.NATS.URL(), orderingapi.Subject("OrderCreated"))
	b := basket()
	first, _ := m.checkout(t, ctx, b)
	ack := systest.Publish(t, ctx, m.bus.JetStream(), first, jetstream.WithMsgID(first.ID+"-again"))
	require.False(t, ack.Duplicate, "the stream keeps the second copy")
	republished, seq := m.checkout(t, ctx, b)
	require.NotEqual(t, first.ID, republished.ID)
	systest.AwaitAcked(t, ctx, m.bus.JetStream(), consumers.BasketsConsumer, seq)
	barrier := m.placeOrder(t, ctx)

	orderID := domain.OrderIDFor(b.ID)
	assert.Equal(t, orderID, created.Next(t).AggregateID)
	assert.Equal(t, barrier.ID, created.Next(t).AggregateID, "no second OrderCreated before the barrier's")
	list, err := m.c.OrdersByBasket(ctx, b.ID)
	require.NoError(t, err)
	assert.Len(t, list.Orders, 1)
	db := orderingDB(t, ctx, m)
	var events, handled int
	require.NoError(t, db.QueryRow(ctx, `SELECT count(*) FROM events WHERE aggregate_id = $1`, orderID).Scan(&events))
	assert.Equal(t, 1, events, "one OrderCreated stored")
	require.NoError(t, db.QueryRow(ctx, `SELECT count(*) FROM inbox WHERE consumer = $1 AND message_id IN ($2, $3)`,
		consumers.BasketsConsumer, first.ID, republished.ID).Scan(&handled))
	assert.Equal(t, 2, handled, "both envelope ids reached the handler; the copy was absorbed by the inbox")
}

func TestUnusableCheckoutIsDeadLettered(t *testing.T) {
	t.Parallel()
	m := startOrdering(t)
	ctx := testContext(t)
	dlq := systest.ReadWire(t, m.env.NATS.URL(), msg.DeadLetterSubject(consumers.BasketsConsumer))
	b := basket()
	b.TotalCents++
	sent, _ := m.checkout(t, ctx, b)

	var dl bus.DeadLetter
	require.NoError(t, json.Unmarshal(dlq.NextRaw(t), &dl))
	assert.Equal(t, consumers.BasketsConsumer, dl.Consumer)
	assert.Contains(t, dl.Error, "totalCents is 3400 but the items add up to 3399")
	assert.EqualValues(t, 1, dl.Deliveries, "no retry can fix it")
	original, err := msg.Unmarshal(dl.Original)
	require.NoError(t, err)
	assert.Equal(t, sent.ID, original.ID)
	list, err := m.c.OrdersByBasket(ctx, b.ID)
	require.NoError(t, err)
	assert.Empty(t, list.Orders)
}

// orderingDB opens the ordering schema of a test's database.
func orderingDB(tb testing.TB, ctx context.Context, m *mall) *pgxpool.Pool {
	tb.Helper()
	pool, err := pg.Connect(ctx, m.env.DSN, orderingapi.Context)
	require.NoError(tb, err)
	tb.Cleanup(pool.Close)
	return pool
}
