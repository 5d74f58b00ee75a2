package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/depot/depotapi"
)

// Lists is the shopping list read table.
type Lists struct{ pool *pgxpool.Pool }

// NewLists returns the read table over pool.
func NewLists(pool *pgxpool.Pool) *Lists { return &Lists{pool: pool} }

// PutList upserts a list's state at version, never rolling it back.
func (v *Lists) PutList(ctx context.Context, tx pgx.Tx, l depotapi.ShoppingList, version int) error {
	data, err := json.Marshal(l)
	if err != nil {
		return fmt.Errorf("encode shopping list %s: %w", l.ID, err)
	}
	_, err = tx.Exec(ctx, `INSERT INTO shopping_lists (shopping_list_id, order_id, status, bot_id, list, version)
		VALUES ($1, $2, $3, NULLIF($4, ''), $5, $6) ON CONFLICT (shopping_list_id) DO UPDATE
		SET status = EXCLUDED.status, bot_id = EXCLUDED.bot_id, list = EXCLUDED.list,
		    version = EXCLUDED.version, updated_at = now()
		WHERE shopping_lists.version < EXCLUDED.version`,
		l.ID, l.OrderID, string(l.Status), l.BotID, data, version)
	if err != nil {
		return fmt.Errorf("project shopping list %s: %w", l.ID, err)
	}
	return nil
}

// List returns one list.
func (v *Lists) List(ctx context.Context, id string) (depotapi.ShoppingList, error) {
	rows, _ := v.pool.Query(ctx, `SELECT list FROM shopping_lists WHERE shopping_list_id = $1`, id)
	l, err := pgx.CollectExactlyOneRow(rows, scanList)
	return l, notFound(err, "shopping list", id)
}

// Lists returns the lists matching f, oldest first.
func (v *Lists) Lists(ctx context.Context, f depotapi.ShoppingListFilter) ([]depotapi.ShoppingList, error) {
	rows, _ := v.pool.Query(ctx, `SELECT list FROM shopping_lists
		WHERE ($1 = '' OR status = $1) AND ($2 = '' OR order_id = $2)
		ORDER BY created_at, shopping_list_id`, string(f.Status), f.OrderID)
	lists, err := pgx.CollectRows(rows, scanList)
	if err != nil {
		return nil, fmt.Errorf("query shopping lists: %w", err)
	}
	return lists, nil
}

func scanList(r pgx.CollectableRow) (depotapi.ShoppingList, error) {
	var l depotapi.ShoppingList
	return l, r.Scan(&l)
}
