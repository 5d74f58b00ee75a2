package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// PutCustomer records that a customer exists; again is harmless.
func (c *Cache) PutCustomer(ctx context.Context, tx pgx.Tx, id string) error {
	_, err := tx.Exec(ctx, `INSERT INTO customer_cache (customer_id) VALUES ($1) ON CONFLICT DO NOTHING`, id)
	return err
}

// Customer reports whether the cache knows the customer.
func (c *Cache) Customer(ctx context.Context, id string) (bool, error) {
	var known bool
	err := c.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM customer_cache WHERE customer_id = $1)`, id).Scan(&known)
	return known, err
}
