package payments_test

import (
	"context"
	"testing"

	"github.com/mallbots/mallbots/internal/systest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/customers"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/ordering"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// startOrderingAndPayments runs both contexts and customers in one host;
// the test plays baskets, depot and the saga on the bus.
func startOrderingAndPayments(tb testing.TB) *mall {
	return start(tb, customers.Module{}, ordering.Module{}, payments.Module{})
}

// TestOrderIsPaidAndCompleted follows one checkout through ordering and
// payments: the order's readiness opens the invoice, and paying it over
// REST completes the order. Every event carries the checkout's correlation.
func TestOrderIsPaidAndCompleted(t *testing.T) {
	t.Parallel()
	m := startOrderingAndPayments(t)
	correlation := "checkout-" + msg.NewID()
	ctx := msg.WithMeta(testContext(t), msg.Meta{CorrelationID: correlation})
	all := systest.ReadWire(t, m.env.NATS.URL(), "mallbots.*.events.>")
	o := m.approvedOrder(t, ctx)

	m.publish(t, ctx, depotapi.Subject("ShoppingListCompleted"), "ShoppingListCompleted",
		depotapi.ShoppingListCompleted{ShoppingList: depotapi.ShoppingList{ID: o.ShoppingListID, OrderID: o.ID,
			Status: depotapi.StatusCompleted, BotID: "bot-1", Stops: []depotapi.Stop{}}},
		msg.WithAggregate(o.ShoppingListID, 4))
	var inv paymentsapi.Invoice
	require.EventuallyWithT(t, func(c *assert.CollectT) {
		list, err := m.c.InvoicesByOrder(ctx, o.ID)
		require.NoError(c, err)
		require.Len(c, list.Invoices, 1)
		inv = list.Invoices[0]
	}, waitFor, pollEvery, "the ready order is invoiced")
	assert.Equal(t, o.TotalCents, inv.AmountCents)
	_, err := m.c.PayInvoice(ctx, inv.ID)
	require.NoError(t, err)
	require.EventuallyWithT(t, func(c *assert.CollectT) {
		got, err := m.c.Order(ctx, o.ID)
		require.NoError(c, err)
		assert.Equal(c, orderingapi.StatusCompleted, got.Status)
	}, waitFor, pollEvery, "paying the invoice completes the order")

	want := []string{"CustomerRegistered", "PaymentAuthorized", "BasketCheckedOut", "OrderCreated", "PaymentConfirmed", "OrderApproved",
		"ShoppingListCompleted", "OrderReadied", "InvoiceCreated", "InvoicePaid", "OrderCompleted"}
	var seen []string
	for len(seen) < len(want) {
		e := all.Next(t)
		seen = append(seen, e.Name)
		t.Logf("%s on the wire: %s", e.Name, systest.MustJSON(t, e))
		assert.Equal(t, correlation, e.CorrelationID, "%s carries the checkout's correlation id", e.Name)
	}
	assert.ElementsMatch(t, want, seen, "the checkout's timeline, the test's own events included")
}

// TestCancelledOrderReachesPayments cancels an approved order over
// ordering's REST API and finds the cancellation recorded by payments (the
// seed never delivered OrderCanceled to payments), so that no invoice can
// be opened for it afterwards, and the order's payment released.
func TestCancelledOrderReachesPayments(t *testing.T) {
	t.Parallel()
	m := startOrderingAndPayments(t)
	ctx := testContext(t)
	o := m.approvedOrder(t, ctx)
	_, err := m.c.CancelOrder(ctx, o.ID, orderingapi.CancelOrder{Reason: "changed my mind"})
	require.NoError(t, err)

	db, err := pg.Connect(ctx, m.env.DSN, paymentsapi.Context)
	require.NoError(t, err)
	t.Cleanup(db.Close)
	require.Eventually(t, func() bool {
		var n int
		err := db.QueryRow(ctx, `SELECT count(*) FROM order_cancellation WHERE order_id = $1`, o.ID).Scan(&n)
		return err == nil && n == 1
	}, waitFor, pollEvery, "payments records ordering's cancellation")
	require.EventuallyWithT(t, func(c *assert.CollectT) {
		p, err := m.c.Payment(ctx, o.PaymentID)
		require.NoError(c, err)
		assert.Equal(c, paymentsapi.PaymentStatusReleased, p.Status)
		assert.Equal(c, o.ID, p.OrderID)
	}, waitFor, pollEvery, "the cancelled order's payment is released")

	o.Status = orderingapi.StatusReady // a late, stray readiness
	_, seq := m.readied(t, ctx, o)
	systest.AwaitAcked(t, ctx, m.bus.JetStream(), "payments-ordering", seq)
	list, err := m.c.InvoicesByOrder(ctx, o.ID)
	require.NoError(t, err)
	assert.Empty(t, list.Invoices, "a cancelled order is never invoiced")
}

// approvedOrder authorizes a payment, checks a basket out with it, and
// plays the saga: ConfirmPayment to payments, then ApproveOrder to ordering.
func (m *mall) approvedOrder(t *testing.T, ctx context.Context) orderingapi.Order {
	t.Helper()
	customer := m.customer(t, ctx)
	p := m.authorize(t, ctx, customer, 2*1250+899)
	b := basketsapi.Basket{ID: msg.NewID(), CustomerID: customer, Status: basketsapi.StatusCheckedOut,
		PaymentID: p.ID, TotalCents: 2*1250 + 899, Items: []basketsapi.Item{
			{StoreID: "store-tools", StoreName: "Tools", ProductID: "hammer", ProductName: "Hammer", PriceCents: 1250, Quantity: 2},
			{StoreID: "store-books", StoreName: "Books", ProductID: "novel", ProductName: "Novel", PriceCents: 899, Quantity: 1},
		}}
	m.publish(t, ctx, basketsapi.Subject("BasketCheckedOut"), "BasketCheckedOut",
		basketsapi.BasketCheckedOut{Basket: b}, msg.WithAggregate(b.ID, 4))
	var o orderingapi.Order
	require.EventuallyWithT(t, func(c *assert.CollectT) {
		list, err := m.c.OrdersByBasket(ctx, b.ID)
		require.NoError(c, err)
		require.Len(c, list.Orders, 1)
		o = list.Orders[0]
	}, waitFor, pollEvery, "the checkout becomes an order")

	_, _, reply := m.confirm(t, ctx, paymentsapi.ConfirmPayment{PaymentID: o.PaymentID, CustomerID: o.CustomerID,
		OrderID: o.ID, AmountCents: o.TotalCents})
	require.Equal(t, command.Succeeded, reply.Outcome, reply.Reason)
	o.ShoppingListID = "list-" + msg.NewID()
	_, _, reply = m.command(t, ctx, orderingapi.ApproveOrderSubject, orderingapi.ApproveOrderCommand,
		orderingapi.ApproveOrder{OrderID: o.ID, ShoppingListID: o.ShoppingListID})
	require.Equal(t, command.Succeeded, reply.Outcome, reply.Reason)
	o.Status = orderingapi.StatusApproved
	return o
}
