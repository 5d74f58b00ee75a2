package ordering_test

import (
	"encoding/json"
	"testing"

	"github.com/mallbots/mallbots/internal/systest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/ordering/adapters/consumers"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func TestShoppingCompletedReadiesAndInvoicePaidCompletes(t *testing.T) {
	t.Parallel()
	m := startOrdering(t)
	ctx := testContext(t)
	o := m.orderIn(t, ctx, orderingapi.StatusApproved)
	readied := systest.ReadWire(t, m.env.NATS.URL(), orderingapi.Subject("OrderReadied"))
	completed := systest.ReadWire(t, m.env.NATS.URL(), orderingapi.Subject("OrderCompleted"))

	depot := msg.WithMeta(ctx, msg.Meta{CorrelationID: "shopping-" + msg.NewID()})
	done, _ := m.complete(t, depot, o.ID, o.ShoppingListID)
	e := readied.Next(t)
	assert.Equal(t, o.ID, e.AggregateID)
	assert.Equal(t, 3, e.AggregateVersion)
	assert.Equal(t, done.CorrelationID, e.CorrelationID)
	assert.Equal(t, done.ID, e.CausationID)
	want := o
	want.Status = orderingapi.StatusReady
	assert.Equal(t, want, systest.Payload[orderingapi.OrderReadied](t, e).Order, "the full order")
	t.Logf("OrderReadied on the wire: %s", systest.MustJSON(t, e))

	paid, _ := m.pay(t, ctx, want)
	e = completed.Next(t)
	assert.Equal(t, o.ID, e.AggregateID)
	assert.Equal(t, 4, e.AggregateVersion)
	assert.Equal(t, paid.ID, e.CausationID)
	want.Status = orderingapi.StatusCompleted
	assert.Equal(t, want, systest.Payload[orderingapi.OrderCompleted](t, e).Order)
	t.Logf("OrderCompleted on the wire: %s", systest.MustJSON(t, e))
	got, err := m.c.Order(ctx, o.ID)
	require.NoError(t, err)
	assert.Equal(t, want, got)
}

// TestShoppingCompletedBeforeApprovalReadiesOnApproval covers the race the
// saga allows: it makes the list available to bots before it approves the
// order, so a quick bot's completion can overtake ApproveOrder.
func TestShoppingCompletedBeforeApprovalReadiesOnApproval(t *testing.T) {
	t.Parallel()
	m := startOrdering(t)
	ctx := testContext(t)
	events := systest.ReadWire(t, m.env.NATS.URL(), msg.AllEvents(orderingapi.Context))
	o := m.orderIn(t, ctx, orderingapi.StatusPending)
	require.Equal(t, "OrderCreated", events.Next(t).Name)
	m.complete(t, ctx, o.ID, "list-early")
	db := orderingDB(t, ctx, m)
	require.Eventually(t, func() bool {
		var n int
		err := db.QueryRow(ctx, `SELECT count(*) FROM parked_completion WHERE order_id = $1`, o.ID).Scan(&n)
		return err == nil && n == 1
	}, waitFor, pollEvery, "the early completion is parked")
	got, err := m.c.Order(ctx, o.ID)
	require.NoError(t, err)
	assert.Equal(t, orderingapi.StatusPending, got.Status, "a pending order is not readied")

	m.approve(t, ctx, o.ID, "list-early")
	assert.Equal(t, "OrderApproved", events.Next(t).Name)
	assert.Equal(t, "OrderReadied", events.Next(t).Name)
	assert.Equal(t, orderingapi.StatusReady, m.awaitStatus(t, ctx, o.ID, orderingapi.StatusReady).Status)
}

// TestLateEventsChangeNothing delivers completions and payments that do not
// fit the order's status. Each is awaited as handled by its consumer (which
// handles orders side by side, so a later order could overtake it), then
// followed by a barrier on both consumers, after which the order is checked
// unchanged.
func TestLateEventsChangeNothing(t *testing.T) {
	t.Parallel()
	m := startOrdering(t)
	ctx := testContext(t)
	payment := func(o orderingapi.Order) (msg.Envelope, uint64) { return m.pay(t, ctx, o) }
	tests := []struct {
		name     string
		status   orderingapi.Status
		consumer string // the one that handles event
		event    func(o orderingapi.Order) (msg.Envelope, uint64)
	}{
		{"completion of a cancelled order", orderingapi.StatusCanceled, consumers.DepotConsumer,
			func(o orderingapi.Order) (msg.Envelope, uint64) { return m.complete(t, ctx, o.ID, "list-x") }},
		{"completion of a rejected order", orderingapi.StatusRejected, consumers.DepotConsumer,
			func(o orderingapi.Order) (msg.Envelope, uint64) { return m.complete(t, ctx, o.ID, "list-x") }},
		{"completion of a completed order", orderingapi.StatusCompleted, consumers.DepotConsumer,
			func(o orderingapi.Order) (msg.Envelope, uint64) { return m.complete(t, ctx, o.ID, o.ShoppingListID) }},
		{"payment of an approved order", orderingapi.StatusApproved, consumers.PaymentsConsumer, payment},
		{"payment of a completed order", orderingapi.StatusCompleted, consumers.PaymentsConsumer, payment},
	}
	for _, tt := range tests {
		o := m.orderIn(t, ctx, tt.status)
		_, seq := tt.event(o)
		systest.AwaitAcked(t, ctx, m.bus.JetStream(), tt.consumer, seq)
		m.orderIn(t, ctx, orderingapi.StatusCompleted) // barrier on both consumers
		got, err := m.c.Order(ctx, o.ID)
		require.NoError(t, err)
		assert.Equal(t, o, got, tt.name)
	}
	// Another list than the approved one does not ready the order.
	o := m.orderIn(t, ctx, orderingapi.StatusApproved)
	_, seq := m.complete(t, ctx, o.ID, "list-of-someone-else")
	systest.AwaitAcked(t, ctx, m.bus.JetStream(), consumers.DepotConsumer, seq)
	m.orderIn(t, ctx, orderingapi.StatusReady)
	got, err := m.c.Order(ctx, o.ID)
	require.NoError(t, err)
	assert.Equal(t, orderingapi.StatusApproved, got.Status, "another list")
}

func TestEventsOfUnknownOrdersAreDeadLettered(t *testing.T) {
	t.Parallel()
	m := startOrdering(t)
	ctx := testContext(t)
	for consumer, publish := range map[string]func(id string){
		consumers.DepotConsumer:    func(id string) { m.complete(t, ctx, id, "list-1") },
		consumers.PaymentsConsumer: func(id string) { m.pay(t, ctx, orderingapi.Order{ID: id}) },
	} {
		dlq := systest.ReadWire(t, m.env.NATS.URL(), msg.DeadLetterSubject(consumer))
		id := msg.NewID()
		publish(id)
		var dl bus.DeadLetter
		require.NoError(t, json.Unmarshal(dlq.NextRaw(t), &dl))
		assert.Equal(t, consumer, dl.Consumer)
		assert.Contains(t, dl.Error, `order "`+id+`" not found`)
	}
}
