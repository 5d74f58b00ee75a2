package payments_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/customers"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments"
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

// pollEvery is how often a wait on a read looks again.
const pollEvery = 20 * time.Millisecond

// mall is a host of the contexts under test, with a bus connection that
// plays the contexts that are not running.
type mall struct {
	env *systest.Env
	c   *client.Client
	bus *bus.Bus
}

func start(tb testing.TB, modules ...host.Module) *mall {
	tb.Helper()
	return startWith(tb, nil, modules...)
}

// startWith runs modules in a host adjusted by opts.
func startWith(tb testing.TB, opts []systest.Option, modules ...host.Module) *mall {
	tb.Helper()
	env := systest.Start(tb, modules, opts...)
	b, err := bus.Connect(context.Background(), env.NATS.URL(), "payments-test")
	require.NoError(tb, err)
	tb.Cleanup(b.Close)
	names := make([]string, 0, len(modules))
	for _, m := range modules {
		names = append(names, m.Name())
	}
	return &mall{env: env, c: client.Single(env.URL, names), bus: b}
}

// startPayments runs payments with customers, whose customers it pays for.
func startPayments(tb testing.TB) *mall { return start(tb, customers.Module{}, payments.Module{}) }

// customer registers a customer with customers and returns its id.
func (m *mall) customer(t testing.TB, ctx context.Context) string {
	t.Helper()
	cu, err := m.c.RegisterCustomer(ctx, customersapi.RegisterCustomer{Name: "Ada", SmsNumber: "+14155550123"})
	require.NoError(t, err)
	return cu.ID
}

func testContext(tb testing.TB) context.Context {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 4*waitFor)
	tb.Cleanup(cancel)
	return ctx
}

// authorize authorizes a payment and fails the test on error.
func (m *mall) authorize(t testing.TB, ctx context.Context, customerID string, amount int64) paymentsapi.Payment {
	t.Helper()
	p, err := m.c.AuthorizePayment(ctx, paymentsapi.AuthorizePayment{CustomerID: customerID, AmountCents: amount})
	require.NoError(t, err)
	return p
}

// order returns a ready order of a new customer paying with a new payment.
func order() orderingapi.Order {
	return orderingapi.Order{ID: msg.NewID(), BasketID: msg.NewID(), CustomerID: "customer-" + msg.NewID(),
		PaymentID: msg.NewID(), TotalCents: 3399, Status: orderingapi.StatusReady, ShoppingListID: "list-1",
		Items: []orderingapi.Item{{ProductID: "hammer", ProductName: "Hammer", StoreID: "store-tools",
			StoreName: "Tools", PriceCents: 1250, Quantity: 2}, {ProductID: "novel", ProductName: "Novel",
			StoreID: "store-books", StoreName: "Books", PriceCents: 899, Quantity: 1}}}
}

// readied publishes ordering's OrderReadied for o.
func (m *mall) readied(t testing.TB, ctx context.Context, o orderingapi.Order) (msg.Envelope, uint64) {
	t.Helper()
	o.Status = orderingapi.StatusReady
	return m.publish(t, ctx, orderingapi.Subject("OrderReadied"), "OrderReadied",
		orderingapi.OrderReadied{Order: o}, msg.WithAggregate(o.ID, 3))
}

// cancelled publishes ordering's OrderCanceled for o.
func (m *mall) cancelled(t testing.TB, ctx context.Context, o orderingapi.Order) (msg.Envelope, uint64) {
	t.Helper()
	o.Status, o.Reason = orderingapi.StatusCanceled, "changed my mind"
	return m.publish(t, ctx, orderingapi.Subject("OrderCanceled"), "OrderCanceled",
		orderingapi.OrderCanceled{Order: o}, msg.WithAggregate(o.ID, 3))
}

// rejected publishes ordering's OrderRejected for o.
func (m *mall) rejected(t testing.TB, ctx context.Context, o orderingapi.Order) (msg.Envelope, uint64) {
	t.Helper()
	o.Status, o.Reason = orderingapi.StatusRejected, "ConfirmPayment failed"
	return m.publish(t, ctx, orderingapi.Subject("OrderRejected"), "OrderRejected",
		orderingapi.OrderRejected{Order: o}, msg.WithAggregate(o.ID, 2))
}

// publish publishes an envelope and returns its stream sequence.
func (m *mall) publish(t testing.TB, ctx context.Context, subject, name string, body any, opts ...msg.Option) (msg.Envelope, uint64) {
	t.Helper()
	env, err := msg.New(ctx, subject, name, body, opts...)
	require.NoError(t, err)
	return env, systest.Publish(t, ctx, m.bus.JetStream(), env).Sequence
}

// confirm sends ConfirmPayment as the saga would, with a reply subject of
// the test's own and a saga id, and returns the command and its reply.
func (m *mall) confirm(t testing.TB, ctx context.Context, cmd paymentsapi.ConfirmPayment) (msg.Envelope, msg.Envelope, command.Reply) {
	t.Helper()
	return m.command(t, ctx, paymentsapi.ConfirmPaymentSubject, paymentsapi.ConfirmPaymentCommand, cmd)
}

// command sends a command with a reply subject of the test's own and a saga
// id, and returns the command and its reply.
func (m *mall) command(t testing.TB, ctx context.Context, subject, name string, body any) (msg.Envelope, msg.Envelope, command.Reply) {
	t.Helper()
	replyTo := "mallbots.test.replies." + msg.NewID()
	replies := systest.ReadWire(t, m.env.NATS.URL(), replyTo)
	sent, _ := m.publish(t, ctx, subject, name, body,
		msg.WithHeader(command.HeaderReplyTo, replyTo), msg.WithHeader(command.HeaderSagaID, "saga-"+msg.NewID()),
		msg.WithHeader(command.HeaderSagaStep, name))
	got := replies.Next(t)
	return sent, got, systest.Payload[command.Reply](t, got)
}
