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
	orderingcommands "github.com/mallbots/mallbots/system/ordering/adapters/commands"
	orderingpg "github.com/mallbots/mallbots/system/ordering/adapters/postgres"
	orderingdomain "github.com/mallbots/mallbots/system/ordering/domain"
	orderingmigrations "github.com/mallbots/mallbots/system/ordering/migrations"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// sagaOrderingRouter is the commands router ordering's module.go mounts.
func sagaOrderingRouter(pool *pgxpool.Pool) *inbox.Router {
	return orderingcommands.Router(sagaOrderingApp(pool))
}

// sagaOrderPending has ordering create the pending order of the example
// basket, through the use case a checkout runs.
func sagaOrderPending(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
	t.Helper()
	sagaInTx(t, ctx, pool, func(tx pgx.Tx) error {
		return sagaOrderingApp(pool).CreateOrder(ctx, tx, orderingdomain.Placement{BasketID: sagaBasketID,
			CustomerID: sagaCustomerID, PaymentID: sagaPaymentID, TotalCents: sagaTotalCents,
			Items: []orderingapi.Item{{ProductID: sagaProductID, ProductName: sagaProductName, StoreID: sagaStoreID,
				StoreName: sagaStoreName, PriceCents: 250, Quantity: 2}}})
	})
	sagaOrderIs(t, ctx, pool, orderingapi.StatusPending)
}

// sagaOrderApproved has ordering approve the pending order with the
// example shopping list, as ApproveOrder does.
func sagaOrderApproved(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
	t.Helper()
	sagaOrderPending(t, ctx, pool)
	sagaInTx(t, ctx, pool, func(tx pgx.Tx) error {
		_, err := sagaOrderingApp(pool).ApproveOrder(ctx, tx, msg.Envelope{},
			&orderingapi.ApproveOrder{OrderID: sagaOrderingOrderID, ShoppingListID: sagaListID})
		return err
	})
	sagaOrderIs(t, ctx, pool, orderingapi.StatusApproved)
}

// sagaOrderIs asserts the status of ordering's example order and returns it.
func sagaOrderIs(t *testing.T, ctx context.Context, pool *pgxpool.Pool, status orderingapi.Status) orderingapi.Order {
	t.Helper()
	o, err := orderingpg.NewViews(pool).Order(ctx, sagaOrderingOrderID)
	require.NoError(t, err)
	require.Equal(t, status, o.Status, "order %+v", o)
	return o
}

// TestSagaOrderingCommands: ordering approves a pending order with its
// shopping list, or rejects it with the saga's reason.
func TestSagaOrderingCommands(t *testing.T) {
	for _, c := range []sagaCommand{
		{name: orderingapi.ApproveOrderCommand, subject: orderingapi.ApproveOrderSubject,
			payload: map[string]any{
				"orderId":        pactkit.ID(sagaOrderingOrderID),
				"shoppingListId": pactkit.ID(sagaListID),
			},
			effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool, _ command.Reply) {
				require.Equal(t, sagaListID, sagaOrderIs(t, ctx, pool, orderingapi.StatusApproved).ShoppingListID)
			}},
		{name: orderingapi.RejectOrderCommand, subject: orderingapi.RejectOrderSubject,
			payload: map[string]any{
				"orderId": pactkit.ID(sagaOrderingOrderID),
				"reason":  matchers.Like(sagaRejectionReason),
			},
			effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool, _ command.Reply) {
				require.Equal(t, sagaRejectionReason, sagaOrderIs(t, ctx, pool, orderingapi.StatusRejected).Reason)
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.participant, c.state, c.migrations = orderingapi.Context, StateOrderPending, orderingmigrations.FS
			c.router, c.before = sagaOrderingRouter, sagaOrderPending
			c.verify(t)
		})
	}
}
