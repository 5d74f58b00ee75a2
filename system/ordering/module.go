// Package ordering is the ordering bounded context: orders made from
// checked-out baskets, event-sourced with snapshots, publishing their full
// state with each event. It answers the saga's ApproveOrder and RejectOrder,
// readies an order when depot's bots complete its shopping list, completes
// it when payments reports its invoice paid, and lets the customer cancel it.
package ordering

import (
	"context"
	"io/fs"

	"github.com/mallbots/mallbots/system/ordering/adapters/commands"
	"github.com/mallbots/mallbots/system/ordering/adapters/consumers"
	"github.com/mallbots/mallbots/system/ordering/adapters/postgres"
	"github.com/mallbots/mallbots/system/ordering/adapters/rest"
	"github.com/mallbots/mallbots/system/ordering/app"
	"github.com/mallbots/mallbots/system/ordering/migrations"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/host"
)

// SnapshotEvery is how many events pass between snapshots of an order.
const SnapshotEvery = 10

// Module is the ordering context.
type Module struct{}

// Name returns "ordering".
func (Module) Name() string { return orderingapi.Context }

// Migrations returns the read-model migrations.
func (Module) Migrations() fs.FS { return migrations.FS }

// Mount registers the REST API, the consumers of baskets', depot's and
// payments' events and the commands consumer.
func (Module) Mount(_ context.Context, m *host.Mount) error {
	a := app.New(m.Pool, postgres.NewViews(m.Pool), postgres.NewCompletions(), postgres.NewOrderLocks(), m.Log, SnapshotEvery)
	rest.Register(m.Mux, a)
	m.Consume(consumers.Baskets(a))
	m.Consume(consumers.Depot(a))
	m.Consume(consumers.Payments(a))
	m.Consume(commands.Router(a))
	return nil
}
