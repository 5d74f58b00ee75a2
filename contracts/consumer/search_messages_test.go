//go:build pact

package consumer

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pact-foundation/pact-go/v2/matchers"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/inbox"
	searchconsumers "github.com/mallbots/mallbots/system/search/adapters/consumers"
	searchpg "github.com/mallbots/mallbots/system/search/adapters/postgres"
	searchapp "github.com/mallbots/mallbots/system/search/app"
	searchmigrations "github.com/mallbots/mallbots/system/search/migrations"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// searchApp is the application service search's module.go builds: the
// read model over the context's pool.
func searchApp(pool *pgxpool.Pool) *searchapp.App {
	return searchapp.New(searchpg.NewReadModel(pool))
}

// searchStoresRouter is the stores router search's module.go mounts.
func searchStoresRouter(pool *pgxpool.Pool) *inbox.Router {
	return searchconsumers.Stores(searchApp(pool))
}

// searchCustomersRouter is the customers router search's module.go mounts.
func searchCustomersRouter(pool *pgxpool.Pool) *inbox.Router {
	return searchconsumers.Customers(searchApp(pool))
}

// TestSearchProjectsStoresEvents: search keeps each store's name and each
// product's store and name (a removed product keeps it: old orders show
// it) from every stores event; it reads nothing else of them.
func TestSearchProjectsStoresEvents(t *testing.T) {
	for _, ev := range storeEvents {
		t.Run(ev.name, func(t *testing.T) {
			edge{consumer: "search", provider: "stores", name: ev.name, subject: storesapi.Subject(ev.name),
				state: ev.state, aggregateID: pactkit.ExampleID2,
				payload: map[string]any{
					"storeId": pactkit.ID(pactkit.ExampleID2),
					"name":    matchers.Like("Corner Shop"),
				},
				context: "search", migrations: searchmigrations.FS, router: searchStoresRouter,
				effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
					cached(t, ctx, pool, `SELECT name FROM stores WHERE store_id = $1`, pactkit.ExampleID2, "Corner Shop")
				},
			}.verify(t)
		})
	}
	for _, ev := range productEvents {
		t.Run(ev.name, func(t *testing.T) {
			edge{consumer: "search", provider: "stores", name: ev.name, subject: storesapi.Subject(ev.name),
				state: ev.state, aggregateID: pactkit.ExampleID,
				payload: map[string]any{
					"productId": pactkit.ID(pactkit.ExampleID),
					"storeId":   pactkit.ID(pactkit.ExampleID2),
					"name":      matchers.Like("Pencil"),
				},
				context: "search", migrations: searchmigrations.FS, router: searchStoresRouter,
				effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
					cached(t, ctx, pool, `SELECT store_id || ' ' || name FROM products WHERE product_id = $1`,
						pactkit.ExampleID, pactkit.ExampleID2+" Pencil")
				},
			}.verify(t)
		})
	}
}

// TestSearchProjectsCustomers: search keeps each customer's name from
// every customers event (any of them may carry a new one).
func TestSearchProjectsCustomers(t *testing.T) {
	for _, ev := range []struct{ name, state string }{
		{customersapi.CustomerRegistered{}.EventName(), ""},
		{customersapi.CustomerSmsNumberChanged{}.EventName(), StateCustomer},
		{customersapi.CustomerEnabled{}.EventName(), StateCustomer},
		{customersapi.CustomerDisabled{}.EventName(), StateCustomer},
	} {
		t.Run(ev.name, func(t *testing.T) {
			edge{consumer: "search", provider: "customers", name: ev.name, subject: customersapi.Subject(ev.name),
				state: ev.state, aggregateID: pactkit.ExampleID,
				payload: map[string]any{
					"customerId": pactkit.ID(pactkit.ExampleID),
					"name":       matchers.Like("Ada"),
				},
				context: "search", migrations: searchmigrations.FS, router: searchCustomersRouter,
				effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
					cached(t, ctx, pool, `SELECT name FROM customers WHERE customer_id = $1`, pactkit.ExampleID, "Ada")
				},
			}.verify(t)
		})
	}
}
