package app

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// knownCustomer answers nil for a customer customers registered and a not
// found error for any other. The cache, fed by customers' events, answers
// first; on a miss (a customer registered a moment ago, whose event is
// still on its way) customers is asked and a yes is cached. Customers only
// issues canonical ids: another cannot be one of its customers.
func (a *App) knownCustomer(ctx context.Context, id string) error {
	if !msg.CanonicalID(id) {
		return apperr.NotFound("customer", id)
	}
	known, err := a.cache.Customer(ctx, id)
	if err != nil || known {
		return err
	}
	exists, err := a.customers.Exists(ctx, id)
	switch {
	case err != nil:
		return fmt.Errorf("%w: customer %s: %w", ErrCustomersUnavailable, id, err)
	case !exists:
		return apperr.NotFound("customer", id)
	}
	return a.fill(ctx, func(tx pgx.Tx) error { return a.cache.PutCustomer(ctx, tx, id) })
}
