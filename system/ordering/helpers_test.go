package ordering_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/ordering"
	"github.com/mallbots/mallbots/system/ordering/domain"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func TestMain(m *testing.M) { os.Exit(systest.Main(m)) }

// waitFor bounds every wait. The relay wakes on commit, so a healthy run sees
// messages within milliseconds; the bound only turns a lost message into a
// failure instead of a hang.
const waitFor = 15 * time.Second

// pollEvery is how often a wait on a REST read looks again.
const pollEvery = 20 * time.Millisecond

// mall is ordering running alone, with a bus connection that plays baskets,
// depot, payments and the saga.
type mall struct {
	env *systest.Env
	c   *client.Client
	bus *bus.Bus
}

func startOrdering(tb testing.TB) *mall {
	tb.Helper()
	env := systest.Start(tb, []host.Module{ordering.Module{}})
	b, err := bus.Connect(context.Background(), env.NATS.URL(), "ordering-test")
	require.NoError(tb, err)
	tb.Cleanup(b.Close)
	return &mall{env: env, c: client.Single(env.URL, []string{orderingapi.Context}), bus: b}
}

func testContext(tb testing.TB) context.Context {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 4*waitFor)
	tb.Cleanup(cancel)
	return ctx
}

// basket returns a checked-out basket of two items from two stores.
func basket() basketsapi.Basket {
	return basketsapi.Basket{ID: msg.NewID(), CustomerID: "customer-" + msg.NewID(), Status: basketsapi.StatusCheckedOut,
		PaymentID: "payment-" + msg.NewID(), TotalCents: 2*1250 + 899, Items: []basketsapi.Item{
			{StoreID: "store-tools", StoreName: "Tools", ProductID: "hammer", ProductName: "Hammer", PriceCents: 1250, Quantity: 2},
			{StoreID: "store-books", StoreName: "Books", ProductID: "novel", ProductName: "Novel", PriceCents: 899, Quantity: 1},
		}}
}

// orderOf is the order a basket becomes.
func orderOf(b basketsapi.Basket) orderingapi.Order {
	items := make([]orderingapi.Item, 0, len(b.Items))
	for _, it := range b.Items {
		items = append(items, orderingapi.Item{ProductID: it.ProductID, ProductName: it.ProductName,
			StoreID: it.StoreID, StoreName: it.StoreName, PriceCents: it.PriceCents, Quantity: it.Quantity})
	}
	return orderingapi.Order{ID: domain.OrderIDFor(b.ID), BasketID: b.ID, CustomerID: b.CustomerID,
		PaymentID: b.PaymentID, Items: items, TotalCents: b.TotalCents, Status: orderingapi.StatusPending}
}

// checkout publishes BasketCheckedOut as baskets would: from its outbox, at
// the basket's fourth version, in the correlation of ctx. It returns the
// envelope and its stream sequence.
func (m *mall) checkout(t testing.TB, ctx context.Context, b basketsapi.Basket) (msg.Envelope, uint64) {
	t.Helper()
	return m.publish(t, ctx, basketsapi.Subject("BasketCheckedOut"), "BasketCheckedOut",
		basketsapi.BasketCheckedOut{Basket: b}, msg.WithAggregate(b.ID, 4))
}

// complete publishes depot's ShoppingListCompleted for an order and returns
// it with its stream sequence.
func (m *mall) complete(t testing.TB, ctx context.Context, orderID, listID string) (msg.Envelope, uint64) {
	t.Helper()
	list := depotapi.ShoppingList{ID: listID, OrderID: orderID, Status: depotapi.StatusCompleted, BotID: "bot-1",
		Stops: []depotapi.Stop{{StoreID: "store-tools", StoreName: "Tools", StoreLocation: "Level 1",
			Items: []depotapi.ListItem{{ProductID: "hammer", ProductName: "Hammer", Quantity: 2}}}}}
	return m.publish(t, ctx, depotapi.Subject("ShoppingListCompleted"), "ShoppingListCompleted",
		depotapi.ShoppingListCompleted{ShoppingList: list}, msg.WithAggregate(listID, 4))
}

// pay publishes payments' InvoicePaid for an order and returns it with its
// stream sequence.
func (m *mall) pay(t testing.TB, ctx context.Context, o orderingapi.Order) (msg.Envelope, uint64) {
	t.Helper()
	inv := paymentsapi.Invoice{ID: msg.NewID(), OrderID: o.ID, CustomerID: o.CustomerID, PaymentID: o.PaymentID,
		AmountCents: o.TotalCents, Status: paymentsapi.InvoiceStatusPaid}
	return m.publish(t, ctx, paymentsapi.Subject("InvoicePaid"), "InvoicePaid",
		paymentsapi.InvoicePaid{Invoice: inv}, msg.WithAggregate(inv.ID, 2))
}

// publish publishes an envelope and returns it with its stream sequence.
func (m *mall) publish(t testing.TB, ctx context.Context, subject, name string, body any, opts ...msg.Option) (msg.Envelope, uint64) {
	t.Helper()
	env, err := msg.New(ctx, subject, name, body, opts...)
	require.NoError(t, err)
	return env, systest.Publish(t, ctx, m.bus.JetStream(), env).Sequence
}

// send publishes a command as the saga would, with a reply subject of the
// test's own and a saga id, and returns the command and its reply.
func (m *mall) send(t testing.TB, ctx context.Context, name string, body any) (msg.Envelope, msg.Envelope, command.Reply) {
	t.Helper()
	replyTo := "mallbots.test.replies." + msg.NewID()
	replies := systest.ReadWire(t, m.env.NATS.URL(), replyTo)
	cmd, _ := m.publish(t, ctx, msg.CommandSubject(orderingapi.Context, name), name, body,
		msg.WithHeader(command.HeaderReplyTo, replyTo), msg.WithHeader(command.HeaderSagaID, "saga-"+msg.NewID()),
		msg.WithHeader(command.HeaderSagaStep, name))
	got := replies.Next(t)
	return cmd, got, systest.Payload[command.Reply](t, got)
}

// placeOrder checks a basket out and waits until its order exists.
func (m *mall) placeOrder(t testing.TB, ctx context.Context) orderingapi.Order {
	t.Helper()
	b := basket()
	m.checkout(t, ctx, b)
	return m.awaitStatus(t, ctx, domain.OrderIDFor(b.ID), orderingapi.StatusPending)
}

// approve approves a pending order through the saga's command.
func (m *mall) approve(t testing.TB, ctx context.Context, orderID, listID string) {
	t.Helper()
	_, _, reply := m.send(t, ctx, orderingapi.ApproveOrderCommand,
		orderingapi.ApproveOrder{OrderID: orderID, ShoppingListID: listID})
	require.Equal(t, command.Succeeded, reply.Outcome, reply.Reason)
}

// orderIn returns a new order brought to status the way the system would.
func (m *mall) orderIn(t testing.TB, ctx context.Context, status orderingapi.Status) orderingapi.Order {
	t.Helper()
	o := m.placeOrder(t, ctx)
	listID := "list-" + msg.NewID()
	switch status {
	case orderingapi.StatusPending:
		return o
	case orderingapi.StatusRejected:
		_, _, reply := m.send(t, ctx, orderingapi.RejectOrderCommand, orderingapi.RejectOrder{OrderID: o.ID, Reason: "test"})
		require.Equal(t, command.Succeeded, reply.Outcome, reply.Reason)
		return m.awaitStatus(t, ctx, o.ID, status)
	case orderingapi.StatusCanceled:
		o, err := m.c.CancelOrder(ctx, o.ID, orderingapi.CancelOrder{})
		require.NoError(t, err)
		return o
	}
	m.approve(t, ctx, o.ID, listID)
	if status == orderingapi.StatusApproved {
		return m.awaitStatus(t, ctx, o.ID, status)
	}
	m.complete(t, ctx, o.ID, listID)
	o = m.awaitStatus(t, ctx, o.ID, orderingapi.StatusReady)
	if status == orderingapi.StatusReady {
		return o
	}
	m.pay(t, ctx, o)
	return m.awaitStatus(t, ctx, o.ID, orderingapi.StatusCompleted)
}

// awaitStatus reads the order until it has status, failing with the last
// read when it does not within waitFor.
func (m *mall) awaitStatus(t testing.TB, ctx context.Context, id string, status orderingapi.Status) orderingapi.Order {
	t.Helper()
	var last orderingapi.Order
	var lastErr error
	require.EventuallyWithT(t, func(c *assert.CollectT) {
		last, lastErr = m.c.Order(ctx, id)
		require.NoError(c, lastErr)
		assert.Equal(c, status, last.Status)
	}, waitFor, pollEvery, "order %s never became %s", id, status)
	return last
}
