// Package stores is the stores bounded context: stores that participate in
// the mall and the products they sell, event-sourced, publishing their full
// state with each event.
package stores

import (
	"context"
	"io/fs"

	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/stores/adapters/postgres"
	"github.com/mallbots/mallbots/system/stores/adapters/rest"
	"github.com/mallbots/mallbots/system/stores/app"
	"github.com/mallbots/mallbots/system/stores/migrations"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// SnapshotEvery is how many events pass between snapshots of an aggregate.
const SnapshotEvery = 10

// Module is the stores context.
type Module struct{}

// Name returns "stores".
func (Module) Name() string { return storesapi.Context }

// Migrations returns the read-model migrations.
func (Module) Migrations() fs.FS { return migrations.FS }

// Mount registers the REST API.
func (Module) Mount(_ context.Context, m *host.Mount) error {
	rest.Register(m.Mux, app.New(m.Pool, postgres.NewViews(m.Pool), SnapshotEvery))
	return nil
}
