//go:build pact

package consumer

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/depot"
	depotconsumers "github.com/mallbots/mallbots/system/depot/adapters/consumers"
	depotpg "github.com/mallbots/mallbots/system/depot/adapters/postgres"
	depotapp "github.com/mallbots/mallbots/system/depot/app"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	depotmigrations "github.com/mallbots/mallbots/system/depot/migrations"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// depotApp is the application service depot's module.go builds (stores'
// REST API unknown: the store is in the cache).
func depotApp(pool *pgxpool.Pool) *depotapp.App {
	return depotapp.New(pool, depotapp.Ports{Stores: depotpg.Stores{}, Orders: depotpg.Orders{},
		Lists: depotpg.NewLists(pool), Bots: depotpg.Bots{}}, depot.SnapshotEvery)
}

// TestOrderingEventsToDepot: the depot cancels the shopping list of an
// order its customer cancelled (an approved order: its list is available
// to bots) and publishes ShoppingListCanceled. It reads only the order id.
func TestOrderingEventsToDepot(t *testing.T) {
	orderingEdge{consumer: "depot", name: orderingapi.OrderCanceled{}.EventName(),
		payload: map[string]any{"orderId": pactkit.ID(pactkit.ExampleID)},
		context: "depot", migrations: depotmigrations.FS,
		router: func(pool *pgxpool.Pool) *inbox.Router { return depotconsumers.Ordering(depotApp(pool)) },
		before: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool, _ func(msg.Envelope)) {
			availableList(t, ctx, depotApp(pool), pool)
		},
		effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
			lists, err := depotApp(pool).ShoppingLists(ctx, depotapi.ShoppingListFilter{OrderID: pactkit.ExampleID})
			require.NoError(t, err)
			require.Len(t, lists.ShoppingLists, 1)
			require.Equal(t, depotapi.StatusCanceled, lists.ShoppingLists[0].Status)
			subjects := outboxSubjects(t, ctx, pool)
			require.Equal(t, depotapi.Subject(depotapi.ShoppingListCanceled{}.EventName()), subjects[len(subjects)-1])
		},
	}.verify(t)
}

// availableList gives the examples' order an available shopping list, as
// the saga's CreateShoppingList and InitiateShopping do, its store cached.
func availableList(t *testing.T, ctx context.Context, a *depotapp.App, pool *pgxpool.Pool) {
	t.Helper()
	require.NoError(t, pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if err := a.CacheStore(ctx, tx, storesapi.Store{ID: orderStoreID, Name: "Corner Shop", Location: "Level 1"}, 1); err != nil {
			return err
		}
		if _, err := a.CreateShoppingList(ctx, tx, msg.Envelope{}, &depotapi.CreateShoppingList{OrderID: pactkit.ExampleID,
			Items: []depotapi.OrderItem{{ProductID: orderProductID, ProductName: "Pencil", StoreID: orderStoreID, Quantity: 2}}}); err != nil {
			return err
		}
		_, err := a.InitiateShopping(ctx, tx, msg.Envelope{}, &depotapi.InitiateShopping{OrderID: pactkit.ExampleID})
		return err
	}))
}
