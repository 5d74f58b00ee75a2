package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/notifications/domain"
)

// Customers reads and writes customer_cache.
type Customers struct{}

// NewCustomers returns the customer cache.
func NewCustomers() *Customers { return &Customers{} }

// Put upserts a customer unless the cache holds version or a newer one, so
// a late or repeated event never rolls the cache back.
func (Customers) Put(ctx context.Context, tx pgx.Tx, c domain.Customer, version int) error {
	_, err := tx.Exec(ctx, `INSERT INTO customer_cache (customer_id, name, sms_number, enabled, version)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT (customer_id) DO UPDATE
		SET name = EXCLUDED.name, sms_number = EXCLUDED.sms_number, enabled = EXCLUDED.enabled,
		    version = EXCLUDED.version, updated_at = now()
		WHERE customer_cache.version < EXCLUDED.version`,
		c.ID, c.Name, c.SmsNumber, c.Enabled, version)
	if err != nil {
		return fmt.Errorf("put customer: %w", err)
	}
	return nil
}

// Get returns a cached customer; found is false on a miss.
func (Customers) Get(ctx context.Context, tx pgx.Tx, id string) (domain.Customer, bool, error) {
	var c domain.Customer
	err := tx.QueryRow(ctx, `SELECT customer_id, name, sms_number, enabled FROM customer_cache
		WHERE customer_id = $1`, id).Scan(&c.ID, &c.Name, &c.SmsNumber, &c.Enabled)
	if errors.Is(err, pgx.ErrNoRows) {
		return c, false, nil
	}
	if err != nil {
		return c, false, fmt.Errorf("get customer: %w", err)
	}
	return c, true, nil
}
