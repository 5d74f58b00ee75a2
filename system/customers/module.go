// Package customers is the customers bounded context: customers who register
// with a name and an SMS number and may be enabled or disabled, event-sourced,
// publishing their full state with each event, and answering the
// AuthorizeCustomer command for the create-order saga.
package customers

import (
	"context"
	"io/fs"

	"github.com/mallbots/mallbots/system/customers/adapters/commands"
	"github.com/mallbots/mallbots/system/customers/adapters/postgres"
	"github.com/mallbots/mallbots/system/customers/adapters/rest"
	"github.com/mallbots/mallbots/system/customers/app"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/customers/migrations"
	"github.com/mallbots/mallbots/system/platform/host"
)

// SnapshotEvery is how many events pass between snapshots of a customer.
const SnapshotEvery = 10

// Module is the customers context.
type Module struct{}

// Name returns "customers".
func (Module) Name() string { return customersapi.Context }

// Migrations returns the read-model migrations.
func (Module) Migrations() fs.FS { return migrations.FS }

// Mount registers the REST API and the commands consumer.
func (Module) Mount(_ context.Context, m *host.Mount) error {
	a := app.New(m.Pool, postgres.NewViews(m.Pool), SnapshotEvery)
	rest.Register(m.Mux, a)
	m.Consume(commands.Router(a))
	return nil
}
