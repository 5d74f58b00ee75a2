//go:build pact

package consumer

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pact-foundation/pact-go/v2/matchers"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/customers/customerslookup"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	paymentsconsumers "github.com/mallbots/mallbots/system/payments/adapters/consumers"
	paymentspg "github.com/mallbots/mallbots/system/payments/adapters/postgres"
	paymentsapp "github.com/mallbots/mallbots/system/payments/app"
	paymentsdomain "github.com/mallbots/mallbots/system/payments/domain"
	paymentsmigrations "github.com/mallbots/mallbots/system/payments/migrations"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// paymentsApp is the application service payments' module.go builds;
// customers is never asked on the paths the tests take.
func paymentsApp(pool *pgxpool.Pool) *paymentsapp.App {
	customers := paymentsapp.Customers{Cache: paymentspg.NewCustomers(pool), API: customerslookup.New(unreachable())}
	return paymentsapp.New(pool, paymentspg.NewPayments(pool), paymentspg.NewInvoices(pool), customers,
		slog.New(slog.NewTextHandler(io.Discard, nil)))
}

// paymentsOrderingRouter is the ordering router payments' module.go mounts.
func paymentsOrderingRouter(pool *pgxpool.Pool) *inbox.Router {
	return paymentsconsumers.Ordering(paymentsApp(pool))
}

// TestOrderingEventsToPayments: a ready order gets its invoice (the
// order's customer, payment and total), published as InvoiceCreated; a
// cancelled order is recorded, so that it never gets one, and a cancelled
// or rejected order's payment, confirmed for it, is released
// (PaymentReleased).
func TestOrderingEventsToPayments(t *testing.T) {
	t.Run(orderingapi.OrderReadied{}.EventName(), func(t *testing.T) {
		orderingEdge{consumer: "payments", name: orderingapi.OrderReadied{}.EventName(),
			payload: map[string]any{
				"orderId":    pactkit.ID(pactkit.ExampleID),
				"customerId": pactkit.ID(orderCustomerID),
				"paymentId":  pactkit.ID(orderPaymentID),
				"totalCents": matchers.Integer(orderTotalCents),
			},
			context: "payments", migrations: paymentsmigrations.FS, router: paymentsOrderingRouter,
			effect: invoiceOpened,
		}.verify(t)
	})
	t.Run(orderingapi.OrderCanceled{}.EventName(), func(t *testing.T) {
		orderingEdge{consumer: "payments", name: orderingapi.OrderCanceled{}.EventName(), payload: endedOrderPayload(),
			context: "payments", migrations: paymentsmigrations.FS, router: paymentsOrderingRouter,
			before: paymentConfirmed,
			effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
				cancellationRecorded(t, ctx, pool)
				paymentReleased(t, ctx, pool)
			},
		}.verify(t)
	})
	t.Run(orderingapi.OrderRejected{}.EventName(), func(t *testing.T) {
		orderingEdge{consumer: "payments", name: orderingapi.OrderRejected{}.EventName(), payload: endedOrderPayload(),
			context: "payments", migrations: paymentsmigrations.FS, router: paymentsOrderingRouter,
			before: paymentConfirmed, effect: paymentReleased,
		}.verify(t)
	})
}

// endedOrderPayload is what payments reads of a cancelled or rejected
// order: the order, its customer and its payment.
func endedOrderPayload() map[string]any {
	return map[string]any{
		"orderId":    pactkit.ID(pactkit.ExampleID),
		"customerId": pactkit.ID(orderCustomerID),
		"paymentId":  pactkit.ID(orderPaymentID),
	}
}

// paymentConfirmed stores the examples' payment, authorized by the order's
// customer for its total and confirmed for it, as the saga leaves it.
func paymentConfirmed(t *testing.T, ctx context.Context, pool *pgxpool.Pool, _ func(msg.Envelope)) {
	t.Helper()
	p, err := paymentsdomain.AuthorizePayment(orderPaymentID, orderCustomerID, orderTotalCents)
	require.NoError(t, err)
	require.NoError(t, p.Confirm(orderCustomerID, pactkit.ExampleID, orderTotalCents))
	require.NoError(t, pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		return paymentspg.NewPayments(pool).Save(ctx, tx, p)
	}))
}

// paymentReleased asserts that the examples' payment is released for the
// order and that its PaymentReleased event is in the outbox.
func paymentReleased(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
	t.Helper()
	p, err := paymentsApp(pool).Payment(ctx, orderPaymentID)
	require.NoError(t, err)
	require.Equal(t, paymentsapi.Payment{ID: orderPaymentID, CustomerID: orderCustomerID, AmountCents: orderTotalCents,
		Status: paymentsapi.PaymentStatusReleased, OrderID: pactkit.ExampleID}, p)
	subjects := outboxSubjects(t, ctx, pool)
	require.Equal(t, paymentsapi.Subject(paymentsapi.PaymentReleased{}.EventName()), subjects[len(subjects)-1])
}

// invoiceOpened asserts that the examples' order has its open invoice and
// that its InvoiceCreated event is in the outbox.
func invoiceOpened(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
	t.Helper()
	list, err := paymentsApp(pool).InvoicesByOrder(ctx, pactkit.ExampleID)
	require.NoError(t, err)
	require.Len(t, list.Invoices, 1, "the ready order has no invoice")
	inv := list.Invoices[0]
	require.Equal(t, paymentsapi.Invoice{ID: inv.ID, OrderID: pactkit.ExampleID, CustomerID: orderCustomerID,
		PaymentID: orderPaymentID, AmountCents: orderTotalCents, Status: paymentsapi.InvoiceStatusOpen}, inv)
	require.Equal(t, []string{paymentsapi.Subject(paymentsapi.InvoiceCreated{}.EventName())}, outboxSubjects(t, ctx, pool))
}

// cancellationRecorded asserts that payments recorded the order's
// cancellation (a later OrderReadied opens no invoice) and opened none.
func cancellationRecorded(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
	t.Helper()
	var cancelled bool
	require.NoError(t, pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) (err error) {
		cancelled, err = paymentspg.NewInvoices(pool).Cancelled(ctx, tx, pactkit.ExampleID)
		return err
	}))
	require.True(t, cancelled, "payments did not record the order's cancellation")
	list, err := paymentsApp(pool).InvoicesByOrder(ctx, pactkit.ExampleID)
	require.NoError(t, err)
	require.Empty(t, list.Invoices)
}
