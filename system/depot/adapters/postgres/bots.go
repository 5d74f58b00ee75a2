package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// Bots is the bots table.
type Bots struct{}

// PutBot inserts a new bot.
func (Bots) PutBot(ctx context.Context, q pg.Querier, b depotapi.Bot) error {
	if _, err := q.Exec(ctx, `INSERT INTO bots (bot_id, name) VALUES ($1, $2)`, b.ID, b.Name); err != nil {
		return fmt.Errorf("insert bot: %w", err)
	}
	return nil
}

// Bot returns one bot.
func (Bots) Bot(ctx context.Context, q pg.Querier, id string) (depotapi.Bot, error) {
	rows, _ := q.Query(ctx, `SELECT bot_id, name FROM bots WHERE bot_id = $1`, id)
	b, err := pgx.CollectExactlyOneRow(rows, func(r pgx.CollectableRow) (depotapi.Bot, error) {
		var b depotapi.Bot
		return b, r.Scan(&b.ID, &b.Name)
	})
	return b, notFound(err, "bot", id)
}
