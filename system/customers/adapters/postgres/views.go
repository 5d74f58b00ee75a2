// Package postgres is the customers read model in Postgres.
package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

// Views reads and writes customer_view.
type Views struct{ pool *pgxpool.Pool }

// NewViews returns views over pool.
func NewViews(pool *pgxpool.Pool) *Views { return &Views{pool: pool} }

// PutCustomer upserts a customer's state.
func (v *Views) PutCustomer(ctx context.Context, tx pgx.Tx, c customersapi.Customer) error {
	_, err := tx.Exec(ctx, `INSERT INTO customer_view (customer_id, name, sms_number, enabled)
		VALUES ($1, $2, $3, $4) ON CONFLICT (customer_id) DO UPDATE
		SET name = EXCLUDED.name, sms_number = EXCLUDED.sms_number, enabled = EXCLUDED.enabled`,
		c.ID, c.Name, c.SmsNumber, c.Enabled)
	return err
}

// Customer returns one customer.
func (v *Views) Customer(ctx context.Context, id string) (customersapi.Customer, error) {
	rows, _ := v.pool.Query(ctx, `SELECT customer_id, name, sms_number, enabled
		FROM customer_view WHERE customer_id = $1`, id)
	c, err := pgx.CollectExactlyOneRow(rows, scanCustomer)
	if errors.Is(err, pgx.ErrNoRows) {
		return c, apperr.NotFound("customer", id)
	}
	return c, err
}

func scanCustomer(r pgx.CollectableRow) (customersapi.Customer, error) {
	var c customersapi.Customer
	return c, r.Scan(&c.ID, &c.Name, &c.SmsNumber, &c.Enabled)
}
