// Package search is the search bounded context: a CQRS read model of orders
// joined with customer names and store and product names, projected from
// ordering's, customers' and stores' events and queried by customer, store,
// status and time range. It has no aggregates and publishes nothing.
package search

import (
	"context"
	"io/fs"

	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/search/adapters/consumers"
	"github.com/mallbots/mallbots/system/search/adapters/postgres"
	"github.com/mallbots/mallbots/system/search/adapters/rest"
	"github.com/mallbots/mallbots/system/search/app"
	"github.com/mallbots/mallbots/system/search/migrations"
	"github.com/mallbots/mallbots/system/search/searchapi"
)

// Module is the search context.
type Module struct{}

// Name returns "search".
func (Module) Name() string { return searchapi.Context }

// Migrations returns the read-model tables.
func (Module) Migrations() fs.FS { return migrations.FS }

// Mount registers the search API and the consumers of ordering's,
// customers' and stores' events.
func (Module) Mount(_ context.Context, m *host.Mount) error {
	a := app.New(postgres.NewReadModel(m.Pool))
	rest.Register(m.Mux, a)
	m.Consume(consumers.Ordering(a))
	m.Consume(consumers.Customers(a))
	m.Consume(consumers.Stores(a))
	return nil
}
