package app

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// CacheCustomer records a customer customers announced, within the inbox
// transaction.
func (a *App) CacheCustomer(ctx context.Context, tx pgx.Tx, id string) error {
	return a.cache.PutCustomer(ctx, tx, id)
}
