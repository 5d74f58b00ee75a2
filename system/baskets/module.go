// Package baskets is the baskets bounded context: a customer's basket of
// products from many stores, event-sourced, checked out with a payment. It
// keeps a local cache of stores' products and stores from stores' events
// and asks stores over REST only on a cache miss.
package baskets

import (
	"context"
	"errors"
	"io/fs"
	"net/http"
	"time"

	"github.com/mallbots/mallbots/system/baskets/adapters/consumers"
	"github.com/mallbots/mallbots/system/baskets/adapters/postgres"
	"github.com/mallbots/mallbots/system/baskets/adapters/rest"
	"github.com/mallbots/mallbots/system/baskets/adapters/storesrest"
	"github.com/mallbots/mallbots/system/baskets/app"
	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/baskets/migrations"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// SnapshotEvery is how many events pass between snapshots of a basket.
const SnapshotEvery = 10

// StoresTimeout bounds one call to stores on a cache miss, so that a slow
// stores delays adding an item instead of hanging it.
const StoresTimeout = 5 * time.Second

// Module is the baskets context.
type Module struct{}

// Name returns "baskets".
func (Module) Name() string { return basketsapi.Context }

// Migrations returns the cache tables.
func (Module) Migrations() fs.FS { return migrations.FS }

// Mount registers the REST API and the consumer of stores' events.
func (Module) Mount(_ context.Context, m *host.Mount) error {
	url := m.Peers.URL(storesapi.Context)
	if url == "" {
		return errors.New("the stores peer URL is required for cache misses (--peers stores=http://...)")
	}
	stores := client.New(map[string]string{storesapi.Context: url}, &http.Client{Timeout: StoresTimeout})
	a := app.New(m.Pool, postgres.NewCache(m.Pool), storesrest.New(stores), SnapshotEvery)
	rest.Register(m.Mux, a)
	m.Consume(consumers.Stores(a))
	return nil
}
