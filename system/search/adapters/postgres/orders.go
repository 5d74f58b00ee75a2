package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/search/app"
)

// PutOrder writes an order and its lines unless the read model holds the
// change's version or a newer one. A late OrderCreated still sets createdAt.
func (m *ReadModel) PutOrder(ctx context.Context, tx pgx.Tx, c app.OrderChange) error {
	applied, err := upsertOrder(ctx, tx, c)
	if err != nil {
		return fmt.Errorf("put order %s: %w", c.Order.ID, err)
	}
	if c.Created {
		if err := markCreated(ctx, tx, c); err != nil {
			return fmt.Errorf("put order %s created at: %w", c.Order.ID, err)
		}
	}
	if !applied {
		return nil
	}
	if err := replaceItems(ctx, tx, c.Order); err != nil {
		return fmt.Errorf("put order %s items: %w", c.Order.ID, err)
	}
	return nil
}

// upsertOrder reports whether the change was newer and written. Concurrent
// writers of one order serialise on its row, so the newest version wins.
func upsertOrder(ctx context.Context, tx pgx.Tx, c app.OrderChange) (bool, error) {
	o := c.Order
	tag, err := tx.Exec(ctx, `INSERT INTO orders (order_id, customer_id, status, total_cents, version,
			created_at, created_known, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $6) ON CONFLICT (order_id) DO UPDATE
		SET customer_id = EXCLUDED.customer_id, status = EXCLUDED.status, total_cents = EXCLUDED.total_cents,
		    version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
		WHERE orders.version < EXCLUDED.version`,
		o.ID, o.CustomerID, string(o.Status), o.TotalCents, c.Version, c.OccurredAt, c.Created)
	return tag.RowsAffected() == 1, err
}

// markCreated gives an order first seen through a later event the time of
// its OrderCreated, which arrived late.
func markCreated(ctx context.Context, tx pgx.Tx, c app.OrderChange) error {
	_, err := tx.Exec(ctx, `UPDATE orders SET created_at = $2, created_known = true
		WHERE order_id = $1 AND NOT created_known`, c.Order.ID, c.OccurredAt)
	return err
}

// replaceItems makes the order's lines those of o, so that a repeated write
// leaves one set of lines.
func replaceItems(ctx context.Context, tx pgx.Tx, o orderingapi.Order) error {
	if _, err := tx.Exec(ctx, `DELETE FROM order_items WHERE order_id = $1`, o.ID); err != nil {
		return err
	}
	rows := make([][]any, len(o.Items))
	for i, it := range o.Items {
		rows[i] = []any{o.ID, i, it.ProductID, it.ProductName, it.StoreID, it.StoreName, it.PriceCents, it.Quantity}
	}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{"order_items"},
		[]string{"order_id", "position", "product_id", "product_name", "store_id", "store_name", "price_cents", "quantity"},
		pgx.CopyFromRows(rows))
	return err
}
