package app

import (
	"context"

	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// Stores lists every store.
func (a *App) Stores(ctx context.Context) ([]storesapi.Store, error) { return a.views.Stores(ctx) }

// Store returns one store.
func (a *App) Store(ctx context.Context, id string) (storesapi.Store, error) {
	return a.views.Store(ctx, id)
}

// Product returns one product, removed or not.
func (a *App) Product(ctx context.Context, id string) (storesapi.Product, error) {
	return a.views.Product(ctx, id)
}

// Catalog lists a store's products that are not removed.
func (a *App) Catalog(ctx context.Context, storeID string) (storesapi.Catalog, error) {
	if _, err := a.views.Store(ctx, storeID); err != nil {
		return storesapi.Catalog{}, err
	}
	products, err := a.views.Catalog(ctx, storeID)
	return storesapi.Catalog{StoreID: storeID, Products: products}, err
}
