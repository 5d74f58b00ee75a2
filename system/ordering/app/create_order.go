package app

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/ordering/domain"
)

// CreateOrder creates the pending order of a checked-out basket, within the
// inbox transaction tx. The order id derives from the basket id, so a
// checkout delivered again (or republished under another message id) finds
// its order and creates nothing; the read model's unique basket id guards
// the same rule once more. An invalid checkout is an apperr.Invalid error.
func (a *App) CreateOrder(ctx context.Context, tx pgx.Tx, p domain.Placement) error {
	id := domain.OrderIDFor(p.BasketID)
	// Locked like every change, so that a checkout redelivered under another
	// message id and handled at the same time waits and finds the order.
	if err := a.locks.Lock(ctx, tx, id); err != nil {
		return err
	}
	existing, err := a.orders.Load(ctx, tx, id)
	if err == nil {
		a.log.InfoContext(ctx, "checkout already ordered", "basketId", p.BasketID,
			"orderId", id, "status", existing.State.Status)
		return nil
	}
	if !isNotFound(err) {
		return fmt.Errorf("load order %s: %w", id, err)
	}
	o, err := domain.NewOrder(p)
	if err != nil {
		return err
	}
	return a.save(ctx, tx, o)
}
