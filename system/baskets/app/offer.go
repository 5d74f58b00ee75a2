package app

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/baskets/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// offer returns a product and its store as the cache knows them, asking
// stores and caching the answer on a miss. The cache lags stores by the time
// an event takes to arrive, so a product the cache would refuse (removed, or
// its store not participating) is confirmed with stores first: a store that
// just joined the mall sells at once. Stores is asked outside any
// transaction; when it cannot answer, the cached refusal stands.
func (a *App) offer(ctx context.Context, productID string) (domain.Product, domain.Store, error) {
	p, s, err := a.cached(ctx, productID)
	if err != nil || domain.Sellable(p, s) == nil {
		return p, s, err
	}
	fp, err := a.fetchProduct(ctx, productID)
	if err != nil {
		return p, s, nil
	}
	fs, err := a.fetchStore(ctx, fp)
	if err != nil {
		return p, s, nil
	}
	return fp, fs, nil
}

func (a *App) cached(ctx context.Context, productID string) (domain.Product, domain.Store, error) {
	p, ok, err := a.cache.Product(ctx, productID)
	if err == nil && !ok {
		if p, err = a.fetchProduct(ctx, productID); err == nil {
			err = a.fill(ctx, func(tx pgx.Tx) error { return a.cache.PutProduct(ctx, tx, p, versionUnknown) })
		}
	}
	if err != nil {
		return domain.Product{}, domain.Store{}, err
	}
	s, ok, err := a.cache.Store(ctx, p.StoreID)
	if err == nil && !ok {
		if s, err = a.fetchStore(ctx, p); err == nil {
			err = a.fill(ctx, func(tx pgx.Tx) error { return a.cache.PutStore(ctx, tx, s, versionUnknown) })
		}
	}
	return p, s, err
}

func (a *App) fetchProduct(ctx context.Context, id string) (domain.Product, error) {
	p, found, err := a.stores.Product(ctx, id)
	switch {
	case err != nil:
		return domain.Product{}, fmt.Errorf("%w: product %s: %w", ErrStoresUnavailable, id, err)
	case !found:
		return domain.Product{}, apperr.NotFound("product", id)
	}
	return productFrom(p), nil
}

func (a *App) fetchStore(ctx context.Context, p domain.Product) (domain.Store, error) {
	s, found, err := a.stores.Store(ctx, p.StoreID)
	switch {
	case err != nil:
		return domain.Store{}, fmt.Errorf("%w: store %s: %w", ErrStoresUnavailable, p.StoreID, err)
	case !found:
		return domain.Store{}, apperr.Conflict("product %s belongs to store %s, which stores does not know", p.ID, p.StoreID)
	}
	return storeFrom(s), nil
}

// fill caches another context's answer to a miss (below any event's
// version, where the cache keeps one).
func (a *App) fill(ctx context.Context, put func(pgx.Tx) error) error {
	if err := pg.InTx(ctx, a.pool, put); err != nil {
		return fmt.Errorf("cache the answer: %w", err)
	}
	return nil
}
