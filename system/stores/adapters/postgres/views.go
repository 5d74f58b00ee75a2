// Package postgres is the stores read model in Postgres.
package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// Views reads and writes store_view and product_view.
type Views struct{ pool *pgxpool.Pool }

// NewViews returns views over pool.
func NewViews(pool *pgxpool.Pool) *Views { return &Views{pool: pool} }

// PutStore upserts a store's state.
func (v *Views) PutStore(ctx context.Context, tx pgx.Tx, s storesapi.Store) error {
	_, err := tx.Exec(ctx, `INSERT INTO store_view (store_id, name, location, participating)
		VALUES ($1, $2, $3, $4) ON CONFLICT (store_id) DO UPDATE
		SET name = EXCLUDED.name, location = EXCLUDED.location, participating = EXCLUDED.participating`,
		s.ID, s.Name, s.Location, s.Participating)
	return err
}

// PutProduct upserts a product's state.
func (v *Views) PutProduct(ctx context.Context, tx pgx.Tx, p storesapi.Product) error {
	_, err := tx.Exec(ctx, `INSERT INTO product_view (product_id, store_id, name, description, sku, price_cents, removed)
		VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (product_id) DO UPDATE
		SET name = EXCLUDED.name, description = EXCLUDED.description, sku = EXCLUDED.sku,
		    price_cents = EXCLUDED.price_cents, removed = EXCLUDED.removed`,
		p.ID, p.StoreID, p.Name, p.Description, p.SKU, p.PriceCents, p.Removed)
	return err
}

const storeColumns = `store_id, name, location, participating`
const productColumns = `product_id, store_id, name, description, sku, price_cents, removed`

// Stores lists every store, oldest first.
func (v *Views) Stores(ctx context.Context) ([]storesapi.Store, error) {
	rows, _ := v.pool.Query(ctx, `SELECT `+storeColumns+` FROM store_view ORDER BY created_at, store_id`)
	return pgx.CollectRows(rows, scanStore)
}

// Store returns one store.
func (v *Views) Store(ctx context.Context, id string) (storesapi.Store, error) {
	rows, _ := v.pool.Query(ctx, `SELECT `+storeColumns+` FROM store_view WHERE store_id = $1`, id)
	s, err := pgx.CollectExactlyOneRow(rows, scanStore)
	return s, notFound(err, "store", id)
}

// Product returns one product.
func (v *Views) Product(ctx context.Context, id string) (storesapi.Product, error) {
	rows, _ := v.pool.Query(ctx, `SELECT `+productColumns+` FROM product_view WHERE product_id = $1`, id)
	p, err := pgx.CollectExactlyOneRow(rows, scanProduct)
	return p, notFound(err, "product", id)
}

// Catalog lists a store's products that are not removed.
func (v *Views) Catalog(ctx context.Context, storeID string) ([]storesapi.Product, error) {
	rows, _ := v.pool.Query(ctx, `SELECT `+productColumns+` FROM product_view
		WHERE store_id = $1 AND NOT removed ORDER BY created_at, product_id`, storeID)
	return pgx.CollectRows(rows, scanProduct)
}

func scanStore(r pgx.CollectableRow) (storesapi.Store, error) {
	var s storesapi.Store
	return s, r.Scan(&s.ID, &s.Name, &s.Location, &s.Participating)
}

func scanProduct(r pgx.CollectableRow) (storesapi.Product, error) {
	var p storesapi.Product
	return p, r.Scan(&p.ID, &p.StoreID, &p.Name, &p.Description, &p.SKU, &p.PriceCents, &p.Removed)
}

func notFound(err error, kind, id string) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return apperr.NotFound(kind, id)
	}
	return err
}
