// Package depot is the depot bounded context: it turns an order into a
// shopping list grouped by store, with each store's location kept from
// stores' events, answers the create-order saga's CreateShoppingList,
// CancelShoppingList and InitiateShopping commands, cancels the list of a
// cancelled order, and lets bots take an available list and complete it.
// Lists are event-sourced and publish their full state with each event.
package depot

import (
	"context"
	"io/fs"

	"github.com/mallbots/mallbots/system/depot/adapters/commands"
	"github.com/mallbots/mallbots/system/depot/adapters/consumers"
	"github.com/mallbots/mallbots/system/depot/adapters/postgres"
	"github.com/mallbots/mallbots/system/depot/adapters/rest"
	"github.com/mallbots/mallbots/system/depot/adapters/storesrest"
	"github.com/mallbots/mallbots/system/depot/app"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/depot/migrations"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// SnapshotEvery is how many events pass between snapshots of a list by
// default.
const SnapshotEvery = 10

// Module is the depot context. Its zero value is ready to use.
type Module struct {
	// SnapshotEvery overrides the default snapshot interval (tests).
	SnapshotEvery int
}

// Name returns "depot".
func (Module) Name() string { return depotapi.Context }

// Migrations returns the depot's tables.
func (Module) Migrations() fs.FS { return migrations.FS }

// Mount registers the bots' REST API, the commands consumer and the
// consumers of stores' and ordering's events. When stores' REST API is
// known (peer "stores"), a store missing from the cache is asked for there.
func (m Module) Mount(_ context.Context, mt *host.Mount) error {
	every := m.SnapshotEvery
	if every == 0 {
		every = SnapshotEvery
	}
	ports := app.Ports{Stores: postgres.Stores{}, Orders: postgres.Orders{},
		Lists: postgres.NewLists(mt.Pool), Bots: postgres.Bots{}}
	if url := mt.Peers.URL(storesapi.Context); url != "" {
		ports.Directory = storesrest.New(url)
	}
	a := app.New(mt.Pool, ports, every)
	rest.Register(mt.Mux, a)
	mt.Consume(commands.Router(a))
	mt.Consume(consumers.Stores(a))
	mt.Consume(consumers.Ordering(a))
	return nil
}
