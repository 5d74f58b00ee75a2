package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/baskets/domain"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// versionUnknown is the version of a cache entry filled from stores' REST
// answer, which carries none: any event of that aggregate replaces it, and
// it never replaces an entry an event wrote.
const versionUnknown = 0

// CacheStore projects a stores event's store state into the cache, within
// the inbox transaction; an event older than the cached version is ignored.
func (a *App) CacheStore(ctx context.Context, tx pgx.Tx, s storesapi.Store, version int) error {
	return a.cache.PutStore(ctx, tx, storeFrom(s), version)
}

// CacheProduct projects a stores event's product state into the cache.
func (a *App) CacheProduct(ctx context.Context, tx pgx.Tx, p storesapi.Product, version int) error {
	return a.cache.PutProduct(ctx, tx, productFrom(p), version)
}

func storeFrom(s storesapi.Store) domain.Store {
	return domain.Store{ID: s.ID, Name: s.Name, Participating: s.Participating}
}

func productFrom(p storesapi.Product) domain.Product {
	return domain.Product{ID: p.ID, StoreID: p.StoreID, Name: p.Name, PriceCents: p.PriceCents, Removed: p.Removed}
}
