package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Orders indexes lists by order and keeps cancellation tombstones.
type Orders struct{}

// ListOf returns the list id recorded for an order: found is false when the
// depot never heard of the order, and an empty id is a tombstone.
func (Orders) ListOf(ctx context.Context, tx pgx.Tx, orderID string) (listID string, found bool, err error) {
	var id *string
	err = tx.QueryRow(ctx, `SELECT shopping_list_id FROM order_lists WHERE order_id = $1`, orderID).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read order %s: %w", orderID, err)
	}
	if id == nil {
		return "", true, nil
	}
	return *id, true, nil
}

// Claim records listID for an order, or a tombstone when listID is empty,
// and reports whether it did: false means the order already has a row.
// A concurrent claim of the same order waits for the first one to commit.
func (Orders) Claim(ctx context.Context, tx pgx.Tx, orderID, listID string) (bool, error) {
	var id *string
	if listID != "" {
		id = &listID
	}
	tag, err := tx.Exec(ctx, `INSERT INTO order_lists (order_id, shopping_list_id) VALUES ($1, $2)
		ON CONFLICT (order_id) DO NOTHING`, orderID, id)
	if err != nil {
		return false, fmt.Errorf("claim order %s: %w", orderID, err)
	}
	return tag.RowsAffected() == 1, nil
}
