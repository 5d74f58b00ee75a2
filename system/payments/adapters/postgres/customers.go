package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Customers reads and writes customer_cache: the customers known to exist.
type Customers struct{ pool *pgxpool.Pool }

// NewCustomers returns the customer cache over pool.
func NewCustomers(pool *pgxpool.Pool) *Customers { return &Customers{pool: pool} }

// Put records that a customer exists; again is harmless.
func (r *Customers) Put(ctx context.Context, tx pgx.Tx, id string) error {
	if _, err := tx.Exec(ctx, `INSERT INTO customer_cache (customer_id) VALUES ($1) ON CONFLICT DO NOTHING`, id); err != nil {
		return fmt.Errorf("cache customer %s: %w", id, err)
	}
	return nil
}

// Known reports whether the cache knows the customer.
func (r *Customers) Known(ctx context.Context, id string) (bool, error) {
	var known bool
	err := r.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM customer_cache WHERE customer_id = $1)`, id).Scan(&known)
	if err != nil {
		return false, fmt.Errorf("read customer %s: %w", id, err)
	}
	return known, nil
}
