// Package postgres is the ordering context's read model, parked shopping
// completions and per-order locks in Postgres.
package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/ordering/app"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

// Views reads and writes order_view.
type Views struct{ pool *pgxpool.Pool }

// NewViews returns views over pool.
func NewViews(pool *pgxpool.Pool) *Views { return &Views{pool: pool} }

// PutOrder upserts an order's state.
func (v *Views) PutOrder(ctx context.Context, tx pgx.Tx, o orderingapi.Order) error {
	state, err := json.Marshal(o)
	if err != nil {
		return fmt.Errorf("encode order %s: %w", o.ID, err)
	}
	_, err = tx.Exec(ctx, `INSERT INTO order_view (order_id, basket_id, customer_id, status, state)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT (order_id) DO UPDATE
		SET status = EXCLUDED.status, state = EXCLUDED.state, updated_at = now()`,
		o.ID, o.BasketID, o.CustomerID, o.Status, state)
	if err != nil {
		return fmt.Errorf("project order %s: %w", o.ID, err)
	}
	return nil
}

// Order returns one order.
func (v *Views) Order(ctx context.Context, id string) (orderingapi.Order, error) {
	rows, _ := v.pool.Query(ctx, `SELECT state FROM order_view WHERE order_id = $1`, id)
	o, err := pgx.CollectExactlyOneRow(rows, scanOrder)
	if errors.Is(err, pgx.ErrNoRows) {
		return o, apperr.NotFound("order", id)
	}
	return o, err
}

// Orders lists the orders q selects, oldest first.
func (v *Views) Orders(ctx context.Context, q app.OrderQuery) ([]orderingapi.Order, error) {
	rows, _ := v.pool.Query(ctx, `SELECT state FROM order_view
		WHERE ($1 = '' OR basket_id = $1) AND ($2 = '' OR customer_id = $2)
		ORDER BY created_at, order_id`, q.BasketID, q.CustomerID)
	orders, err := pgx.CollectRows(rows, scanOrder)
	if orders == nil {
		orders = []orderingapi.Order{}
	}
	return orders, err
}

func scanOrder(r pgx.CollectableRow) (orderingapi.Order, error) {
	var o orderingapi.Order
	return o, r.Scan(&o)
}
