//go:build pact

package consumer

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pact-foundation/pact-go/v2/matchers"
	message "github.com/pact-foundation/pact-go/v2/message/v4"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	orderingconsumers "github.com/mallbots/mallbots/system/ordering/adapters/consumers"
	orderingapp "github.com/mallbots/mallbots/system/ordering/app"
	orderingmigrations "github.com/mallbots/mallbots/system/ordering/migrations"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// toOrdering is an event ordering consumes: the pact message goes through
// the ordering router module.go mounts for its producer, on a real
// database where before (if any) set the order up through ordering's own
// use cases; the order must then be in status.
type toOrdering struct {
	producer, name, state string
	aggregateID           string
	payload               map[string]any
	router                func(a *orderingapp.App) *inbox.Router
	before                func(t *testing.T, ctx context.Context, pool *pgxpool.Pool)
	status                orderingapi.Status
}

func (e toOrdering) verify(t *testing.T) {
	t.Helper()
	subject := msg.EventSubject(e.producer, e.name)
	b := messagePact(t, orderingapi.Context, e.producer+pactkit.Messages).AddAsynchronousMessage()
	if e.state != "" {
		b = b.Given(e.state)
	}
	err := b.ExpectsToReceive(description(e.name)).
		WithMetadata(pactkit.Metadata(subject)).
		WithJSONContent(pactkit.Envelope(e.name, subject, e.aggregateID, e.payload)).
		ConsumedBy(func(m message.AsynchronousMessage) error {
			env := pactkit.Decode(t, m.Contents)
			require.Equal(t, subject, env.Subject)
			pool := pactkit.Pool(t, orderingapi.Context, orderingmigrations.FS)
			c := msg.WithMeta(ctx(t), msg.Meta{})
			if e.before != nil {
				e.before(t, c, pool)
			}
			if err := pactkit.Handle(c, pool, e.router(sagaOrderingApp(pool)), env); err != nil {
				return err
			}
			sagaOrderIs(t, c, pool, e.status)
			return nil
		}).
		Verify(t)
	require.NoError(t, err)
}

// toOrderingReady has ordering ready the approved example order, as a
// completed shopping list does.
func toOrderingReady(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
	t.Helper()
	sagaOrderApproved(t, ctx, pool)
	sagaInTx(t, ctx, pool, func(tx pgx.Tx) error {
		return sagaOrderingApp(pool).ReadyOrder(ctx, tx, sagaOrderingOrderID, sagaListID)
	})
	sagaOrderIs(t, ctx, pool, orderingapi.StatusReady)
}

// TestToOrderingBasketCheckedOut: ordering makes the pending order of a
// checked-out basket, with its customer, payment, lines and total.
func TestToOrderingBasketCheckedOut(t *testing.T) {
	toOrdering{producer: basketsapi.Context, name: basketsapi.BasketCheckedOut{}.EventName(),
		aggregateID: sagaBasketID,
		payload: map[string]any{
			"basketId":   pactkit.ID(sagaBasketID),
			"customerId": pactkit.ID(sagaCustomerID),
			"paymentId":  pactkit.ID(sagaPaymentID),
			"items": matchers.EachLike(map[string]any{
				"storeId":     pactkit.ID(sagaStoreID),
				"storeName":   matchers.Like(sagaStoreName),
				"productId":   pactkit.ID(sagaProductID),
				"productName": matchers.Like(sagaProductName),
				"priceCents":  matchers.Integer(250),
				"quantity":    matchers.Integer(2),
			}, 1),
			"totalCents": matchers.Integer(sagaTotalCents),
		},
		router: func(a *orderingapp.App) *inbox.Router { return orderingconsumers.Baskets(a) },
		status: orderingapi.StatusPending,
	}.verify(t)
}

// TestToOrderingShoppingListCompleted: ordering readies the approved order
// whose shopping list the bots completed.
func TestToOrderingShoppingListCompleted(t *testing.T) {
	toOrdering{producer: depotapi.Context, name: depotapi.ShoppingListCompleted{}.EventName(),
		state: StateListAssigned, aggregateID: sagaListID,
		payload: map[string]any{
			"shoppingListId": pactkit.ID(sagaListID),
			"orderId":        pactkit.ID(sagaOrderingOrderID),
		},
		router: func(a *orderingapp.App) *inbox.Router { return orderingconsumers.Depot(a) },
		before: sagaOrderApproved, status: orderingapi.StatusReady,
	}.verify(t)
}

// TestToOrderingInvoicePaid: ordering completes the ready order whose
// invoice was paid.
func TestToOrderingInvoicePaid(t *testing.T) {
	toOrdering{producer: paymentsapi.Context, name: paymentsapi.InvoicePaid{}.EventName(),
		state: StateInvoiceOpen, aggregateID: sagaInvoiceID,
		payload: map[string]any{
			"invoiceId": pactkit.ID(sagaInvoiceID),
			"orderId":   pactkit.ID(sagaOrderingOrderID),
		},
		router: func(a *orderingapp.App) *inbox.Router { return orderingconsumers.Payments(a) },
		before: toOrderingReady, status: orderingapi.StatusCompleted,
	}.verify(t)
}
