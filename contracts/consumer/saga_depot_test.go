//go:build pact

package consumer

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	depotcommands "github.com/mallbots/mallbots/system/depot/adapters/commands"
	depotpg "github.com/mallbots/mallbots/system/depot/adapters/postgres"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	depotmigrations "github.com/mallbots/mallbots/system/depot/migrations"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// sagaDepotRouter is the commands router depot's module.go mounts.
func sagaDepotRouter(pool *pgxpool.Pool) *inbox.Router {
	return depotcommands.Router(sagaDepotApp(pool))
}

// sagaStoreCached has the depot cache the example store, as a stores
// event makes it.
func sagaStoreCached(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
	t.Helper()
	sagaInTx(t, ctx, pool, func(tx pgx.Tx) error {
		return sagaDepotApp(pool).CacheStore(ctx, tx,
			storesapi.Store{ID: sagaStoreID, Name: sagaStoreName, Location: "Level 1", Participating: true}, 1)
	})
}

// sagaListPending has the depot make the pending shopping list of the
// saga's order, through the use case CreateShoppingList runs.
func sagaListPending(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
	t.Helper()
	sagaStoreCached(t, ctx, pool)
	sagaInTx(t, ctx, pool, func(tx pgx.Tx) error {
		_, err := sagaDepotApp(pool).CreateShoppingList(ctx, tx, msg.Envelope{}, &depotapi.CreateShoppingList{
			OrderID: pactkit.ExampleID, Items: []depotapi.OrderItem{{ProductID: sagaProductID,
				ProductName: sagaProductName, StoreID: sagaStoreID, Quantity: 2}}})
		return err
	})
	sagaListIs(t, ctx, pool, depotapi.StatusPending)
}

// sagaListIs asserts that the saga's order has one shopping list, in
// status, and returns it.
func sagaListIs(t *testing.T, ctx context.Context, pool *pgxpool.Pool, status depotapi.Status) depotapi.ShoppingList {
	t.Helper()
	lists, err := depotpg.NewLists(pool).Lists(ctx, depotapi.ShoppingListFilter{OrderID: pactkit.ExampleID})
	require.NoError(t, err)
	require.Len(t, lists, 1, "the order's shopping lists")
	require.Equal(t, status, lists[0].Status)
	return lists[0]
}

// TestSagaDepotCommands: the depot makes the order's list from the
// command's lines and answers its id, makes it available to bots, and
// cancels it.
func TestSagaDepotCommands(t *testing.T) {
	for _, c := range []sagaCommand{
		{name: depotapi.CreateShoppingListCommand, subject: depotapi.CreateShoppingListSubject, state: StateStore,
			payload: map[string]any{"orderId": pactkit.ID(pactkit.ExampleID), "items": sagaListItems()},
			before:  sagaStoreCached,
			effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool, reply command.Reply) {
				list := sagaListIs(t, ctx, pool, depotapi.StatusPending)
				require.Equal(t, sagaStoreName, list.Stops[0].StoreName)
				var result depotapi.CreateShoppingListResult
				require.NoError(t, reply.Decode(&result))
				require.Equal(t, list.ID, result.ShoppingListID, "the reply names the new list")
			}},
		{name: depotapi.InitiateShoppingCommand, subject: depotapi.InitiateShoppingSubject, state: StateListPending,
			payload: sagaOrderIDPayload(), before: sagaListPending,
			effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool, _ command.Reply) {
				sagaListIs(t, ctx, pool, depotapi.StatusAvailable)
			}},
		{name: depotapi.CancelShoppingListCommand, subject: depotapi.CancelShoppingListSubject, state: StateListPending,
			payload: sagaOrderIDPayload(), before: sagaListPending,
			effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool, _ command.Reply) {
				sagaListIs(t, ctx, pool, depotapi.StatusCanceled)
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.participant, c.migrations, c.router = depotapi.Context, depotmigrations.FS, sagaDepotRouter
			c.verify(t)
		})
	}
}
