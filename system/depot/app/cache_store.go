package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/depot/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// CacheStore keeps a stores event's store name and location, within the
// inbox transaction tx; an event older than the cached version is ignored.
// A state the cache cannot hold is invalid input, never worth a retry.
func (a *App) CacheStore(ctx context.Context, tx pgx.Tx, s storesapi.Store, version int) error {
	if !domain.ValidID(s.ID) || !domain.Printable(s.Name) || !domain.Printable(s.Location) {
		return apperr.Invalid("store %q: id, name and location must be printable text", s.ID)
	}
	return a.ports.Stores.PutStore(ctx, tx, domain.Store{ID: s.ID, Name: s.Name, Location: s.Location}, version)
}
