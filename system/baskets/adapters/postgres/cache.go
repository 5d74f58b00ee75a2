// Package postgres is the baskets context's cache of stores' state and of
// the customers that exist, in Postgres.
package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/baskets/domain"
)

// Cache reads and writes store_cache, product_cache and customer_cache.
type Cache struct{ pool *pgxpool.Pool }

// NewCache returns the cache over pool.
func NewCache(pool *pgxpool.Pool) *Cache { return &Cache{pool: pool} }

// PutStore upserts a store unless the cache holds version or a newer one,
// so a late or repeated event never rolls the cache back.
func (c *Cache) PutStore(ctx context.Context, tx pgx.Tx, s domain.Store, version int) error {
	_, err := tx.Exec(ctx, `INSERT INTO store_cache (store_id, name, participating, version)
		VALUES ($1, $2, $3, $4) ON CONFLICT (store_id) DO UPDATE
		SET name = EXCLUDED.name, participating = EXCLUDED.participating,
		    version = EXCLUDED.version, updated_at = now()
		WHERE store_cache.version < EXCLUDED.version`,
		s.ID, s.Name, s.Participating, version)
	return err
}

// PutProduct upserts a product unless the cache holds version or a newer one.
func (c *Cache) PutProduct(ctx context.Context, tx pgx.Tx, p domain.Product, version int) error {
	_, err := tx.Exec(ctx, `INSERT INTO product_cache (product_id, store_id, name, price_cents, removed, version)
		VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (product_id) DO UPDATE
		SET store_id = EXCLUDED.store_id, name = EXCLUDED.name, price_cents = EXCLUDED.price_cents,
		    removed = EXCLUDED.removed, version = EXCLUDED.version, updated_at = now()
		WHERE product_cache.version < EXCLUDED.version`,
		p.ID, p.StoreID, p.Name, p.PriceCents, p.Removed, version)
	return err
}

// Store returns a cached store; found is false on a miss.
func (c *Cache) Store(ctx context.Context, id string) (domain.Store, bool, error) {
	var s domain.Store
	err := c.pool.QueryRow(ctx, `SELECT store_id, name, participating FROM store_cache WHERE store_id = $1`, id).
		Scan(&s.ID, &s.Name, &s.Participating)
	return cached(s, err)
}

// Product returns a cached product; found is false on a miss.
func (c *Cache) Product(ctx context.Context, id string) (domain.Product, bool, error) {
	var p domain.Product
	err := c.pool.QueryRow(ctx, `SELECT product_id, store_id, name, price_cents, removed
		FROM product_cache WHERE product_id = $1`, id).
		Scan(&p.ID, &p.StoreID, &p.Name, &p.PriceCents, &p.Removed)
	return cached(p, err)
}

// cached turns a single-row read into a value, a miss or an error.
func cached[T any](v T, err error) (T, bool, error) {
	if errors.Is(err, pgx.ErrNoRows) {
		return v, false, nil
	}
	return v, err == nil, err
}
