// Package payments is the payments bounded context: payments a customer
// authorizes and the create-order saga confirms (checking customer and
// amount) and releases when its order is rejected or cancelled, and the
// invoice of each ready order, paid over REST (which completes the order)
// or cancelled with the order. Payments and invoices
// are stored as state; each change publishes its full state through the
// outbox.
package payments

import (
	"context"
	"io/fs"

	"github.com/mallbots/mallbots/system/payments/adapters/commands"
	"github.com/mallbots/mallbots/system/payments/adapters/consumers"
	"github.com/mallbots/mallbots/system/payments/adapters/postgres"
	"github.com/mallbots/mallbots/system/payments/adapters/rest"
	"github.com/mallbots/mallbots/system/payments/app"
	"github.com/mallbots/mallbots/system/payments/migrations"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/host"
)

// Module is the payments context.
type Module struct{}

// Name returns "payments".
func (Module) Name() string { return paymentsapi.Context }

// Migrations returns the payments tables.
func (Module) Migrations() fs.FS { return migrations.FS }

// Mount registers the REST API, the consumer of ordering's events and the
// commands consumer.
func (Module) Mount(_ context.Context, m *host.Mount) error {
	a := app.New(m.Pool, postgres.NewPayments(m.Pool), postgres.NewInvoices(m.Pool), m.Log)
	rest.Register(m.Mux, a)
	m.Consume(consumers.Ordering(a))
	m.Consume(commands.Router(a))
	return nil
}
