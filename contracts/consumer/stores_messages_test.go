//go:build pact

package consumer

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pact-foundation/pact-go/v2/matchers"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/baskets"
	basketsconsumers "github.com/mallbots/mallbots/system/baskets/adapters/consumers"
	basketspg "github.com/mallbots/mallbots/system/baskets/adapters/postgres"
	basketsstores "github.com/mallbots/mallbots/system/baskets/adapters/storesrest"
	basketsapp "github.com/mallbots/mallbots/system/baskets/app"
	basketsmigrations "github.com/mallbots/mallbots/system/baskets/migrations"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/customers/customerslookup"
	"github.com/mallbots/mallbots/system/depot"
	depotconsumers "github.com/mallbots/mallbots/system/depot/adapters/consumers"
	depotpg "github.com/mallbots/mallbots/system/depot/adapters/postgres"
	depotapp "github.com/mallbots/mallbots/system/depot/app"
	depotmigrations "github.com/mallbots/mallbots/system/depot/migrations"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// The stores events, each carrying the full state of its store or product.
var (
	storeEvents = []struct {
		name, state string
	}{
		{storesapi.StoreCreated{}.EventName(), ""},
		{storesapi.StoreRebranded{}.EventName(), StateStore},
		{storesapi.StoreParticipationEnabled{}.EventName(), StateStore},
		{storesapi.StoreParticipationDisabled{}.EventName(), StateStore},
	}
	productEvents = []struct {
		name, state string
		removed     bool
	}{
		{storesapi.ProductAdded{}.EventName(), StateStore, false},
		{storesapi.ProductRebranded{}.EventName(), StateProduct, false},
		{storesapi.ProductPriceIncreased{}.EventName(), StateProduct, false},
		{storesapi.ProductPriceDecreased{}.EventName(), StateProduct, false},
		{storesapi.ProductRemoved{}.EventName(), StateProduct, true},
	}
)

// basketsApp is the application service baskets' module.go builds;
// neither stores nor customers is asked on the paths the tests take.
func basketsApp(pool *pgxpool.Pool) *basketsapp.App {
	return basketsapp.New(pool, basketspg.NewCache(pool), basketsstores.New(unreachable()),
		customerslookup.New(unreachable()), baskets.SnapshotEvery)
}

// unreachable is a client of stores and customers at a closed port.
func unreachable() *client.Client {
	return client.New(map[string]string{storesapi.Context: "http://127.0.0.1:1", customersapi.Context: "http://127.0.0.1:1"}, nil)
}

// basketsRouter is the stores router baskets' module.go mounts.
func basketsRouter(pool *pgxpool.Pool) *inbox.Router {
	return basketsconsumers.Stores(basketsApp(pool))
}

// depotRouter is the stores router depot's module.go mounts.
func depotRouter(pool *pgxpool.Pool) *inbox.Router {
	a := depotapp.New(pool, depotapp.Ports{Stores: depotpg.Stores{}, Orders: depotpg.Orders{},
		Lists: depotpg.NewLists(pool), Bots: depotpg.Bots{}}, depot.SnapshotEvery)
	return depotconsumers.Stores(a)
}

// TestBasketsCachesStoresEvents: baskets keeps every store and product
// event in its cache (name, participation, price, removal).
func TestBasketsCachesStoresEvents(t *testing.T) {
	for _, ev := range storeEvents {
		t.Run(ev.name, func(t *testing.T) {
			edge{consumer: "baskets", provider: "stores", name: ev.name, subject: storesapi.Subject(ev.name),
				state: ev.state, aggregateID: pactkit.ExampleID2,
				payload: map[string]any{
					"storeId":       pactkit.ID(pactkit.ExampleID2),
					"name":          matchers.Like("Corner Shop"),
					"participating": matchers.Like(true),
				},
				context: "baskets", migrations: basketsmigrations.FS, router: basketsRouter,
				effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
					cached(t, ctx, pool, `SELECT name FROM store_cache WHERE store_id = $1`, pactkit.ExampleID2, "Corner Shop")
				},
			}.verify(t)
		})
	}
	for _, ev := range productEvents {
		t.Run(ev.name, func(t *testing.T) {
			edge{consumer: "baskets", provider: "stores", name: ev.name, subject: storesapi.Subject(ev.name),
				state: ev.state, aggregateID: pactkit.ExampleID,
				payload: map[string]any{
					"productId":  pactkit.ID(pactkit.ExampleID),
					"storeId":    pactkit.ID(pactkit.ExampleID2),
					"name":       matchers.Like("Pencil"),
					"priceCents": matchers.Integer(250),
					"removed":    matchers.Like(ev.removed),
				},
				context: "baskets", migrations: basketsmigrations.FS, router: basketsRouter,
				effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
					cached(t, ctx, pool, `SELECT name || ' ' || price_cents || ' ' || removed FROM product_cache WHERE product_id = $1`,
						pactkit.ExampleID, "Pencil 250 "+map[bool]string{true: "true", false: "false"}[ev.removed])
				},
			}.verify(t)
		})
	}
}

// TestDepotCachesStoreEvents: the depot keeps each store's name and
// location from stores' store events.
func TestDepotCachesStoreEvents(t *testing.T) {
	for _, ev := range storeEvents {
		t.Run(ev.name, func(t *testing.T) {
			edge{consumer: "depot", provider: "stores", name: ev.name, subject: storesapi.Subject(ev.name),
				state: ev.state, aggregateID: pactkit.ExampleID2,
				payload: map[string]any{
					"storeId":  pactkit.ID(pactkit.ExampleID2),
					"name":     matchers.Like("Corner Shop"),
					"location": matchers.Like("Level 1"),
				},
				context: "depot", migrations: depotmigrations.FS, router: depotRouter,
				effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
					got, err := depotpg.Stores{}.Stores(ctx, pool, []string{pactkit.ExampleID2})
					if err != nil || got[pactkit.ExampleID2].Location != "Level 1" {
						t.Fatalf("the depot did not cache the store: %v %v", got, err)
					}
				},
			}.verify(t)
		})
	}
}
