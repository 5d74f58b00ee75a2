// Package baskets is the baskets bounded context: a customer's basket of
// products from many stores, event-sourced, checked out with a payment. It
// keeps a local cache of stores' products and stores from stores' events,
// and of the registered customers from customers' events, and asks stores
// or customers over REST only on a cache miss.
package baskets

import (
	"context"
	"errors"
	"fmt"
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
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/customers/customerslookup"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// SnapshotEvery is how many events pass between snapshots of a basket.
const SnapshotEvery = 10

// PeersTimeout bounds one call to stores or customers on a cache miss, so
// that a slow peer delays the request instead of hanging it.
const PeersTimeout = 5 * time.Second

// Module is the baskets context.
type Module struct{}

// Name returns "baskets".
func (Module) Name() string { return basketsapi.Context }

// Migrations returns the cache tables.
func (Module) Migrations() fs.FS { return migrations.FS }

// Mount registers the REST API and the consumers of stores' and customers'
// events.
func (Module) Mount(_ context.Context, m *host.Mount) error {
	peers, err := peerClient(m.Peers)
	if err != nil {
		return err
	}
	a := app.New(m.Pool, postgres.NewCache(m.Pool), storesrest.New(peers), customerslookup.New(peers), SnapshotEvery)
	rest.Register(m.Mux, a)
	m.Consume(consumers.Stores(a))
	m.Consume(consumers.Customers(a))
	return nil
}

// peerClient returns the client of stores' and customers' REST APIs, asked
// on cache misses.
func peerClient(peers host.Peers) (*client.Client, error) {
	urls := map[string]string{}
	var missing []error
	for _, name := range []string{storesapi.Context, customersapi.Context} {
		if urls[name] = peers.URL(name); urls[name] == "" {
			missing = append(missing, fmt.Errorf("the %s peer URL is required for cache misses (--peers %s=http://...)", name, name))
		}
	}
	if err := errors.Join(missing...); err != nil {
		return nil, err
	}
	return client.New(urls, &http.Client{Timeout: PeersTimeout}), nil
}
