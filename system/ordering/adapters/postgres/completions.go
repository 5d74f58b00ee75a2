package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Completions reads and writes parked_completion.
type Completions struct{}

// NewCompletions returns the parked completions; they are only ever used
// within a caller's transaction.
func NewCompletions() Completions { return Completions{} }

// Park records that the order's shopping list was completed early. A second
// completion of the same order keeps the first.
func (Completions) Park(ctx context.Context, tx pgx.Tx, orderID, shoppingListID string) error {
	_, err := tx.Exec(ctx, `INSERT INTO parked_completion (order_id, shopping_list_id)
		VALUES ($1, $2) ON CONFLICT (order_id) DO NOTHING`, orderID, shoppingListID)
	if err != nil {
		return fmt.Errorf("park completion of order %s: %w", orderID, err)
	}
	return nil
}

// Take removes and returns the order's parked completion, if any.
func (Completions) Take(ctx context.Context, tx pgx.Tx, orderID string) (string, bool, error) {
	var listID string
	err := tx.QueryRow(ctx, `DELETE FROM parked_completion WHERE order_id = $1 RETURNING shopping_list_id`,
		orderID).Scan(&listID)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("take completion of order %s: %w", orderID, err)
	}
	return listID, true, nil
}
