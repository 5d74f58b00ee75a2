//go:build pact

package consumer

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pact-foundation/pact-go/v2/matchers"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	paymentscommands "github.com/mallbots/mallbots/system/payments/adapters/commands"
	paymentspg "github.com/mallbots/mallbots/system/payments/adapters/postgres"
	paymentsdomain "github.com/mallbots/mallbots/system/payments/domain"
	paymentsmigrations "github.com/mallbots/mallbots/system/payments/migrations"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/inbox"
)

// sagaPaymentsRouter is the commands router payments' module.go mounts.
func sagaPaymentsRouter(pool *pgxpool.Pool) *inbox.Router {
	return paymentscommands.Router(sagaPaymentsApp(pool))
}

// sagaPaymentAuthorized authorizes the example payment for the order's
// total through payments' domain and repository, as AuthorizePayment does
// (which issues an id of its own; the command names the example's).
func sagaPaymentAuthorized(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
	t.Helper()
	p, err := paymentsdomain.AuthorizePayment(sagaPaymentID, sagaCustomerID, sagaTotalCents)
	require.NoError(t, err)
	sagaInTx(t, ctx, pool, func(tx pgx.Tx) error { return paymentspg.NewPayments(pool).Save(ctx, tx, p) })
}

// TestSagaConfirmPayment: payments confirms the customer's authorized
// payment for the saga's order and amount.
func TestSagaConfirmPayment(t *testing.T) {
	sagaCommand{participant: paymentsapi.Context, name: paymentsapi.ConfirmPaymentCommand,
		subject: paymentsapi.ConfirmPaymentSubject, state: StatePaymentAuthorized,
		payload: map[string]any{
			"paymentId":   pactkit.ID(sagaPaymentID),
			"customerId":  pactkit.ID(sagaCustomerID),
			"orderId":     pactkit.ID(pactkit.ExampleID),
			"amountCents": matchers.Integer(sagaTotalCents),
		},
		migrations: paymentsmigrations.FS, router: sagaPaymentsRouter, before: sagaPaymentAuthorized,
		effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool, _ command.Reply) {
			p, err := paymentspg.NewPayments(pool).Payment(ctx, sagaPaymentID)
			require.NoError(t, err)
			require.Equal(t, paymentsapi.PaymentStatusConfirmed, p.Status)
			require.Equal(t, pactkit.ExampleID, p.OrderID)
		},
	}.verify(t)
}
