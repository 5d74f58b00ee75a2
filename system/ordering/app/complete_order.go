package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
)

// CompleteOrder completes a ready order whose invoice was paid, within the
// inbox transaction tx. For an order in any other status it changes nothing
// and logs why. An unknown order is an apperr.NotFound error.
func (a *App) CompleteOrder(ctx context.Context, tx pgx.Tx, orderID string) error {
	o, err := a.loadForChange(ctx, tx, orderID)
	if err != nil {
		return err
	}
	if o.State.Status != orderingapi.StatusReady {
		a.log.InfoContext(ctx, "invoice paid for an order that is not ready; ignored",
			"orderId", orderID, "status", o.State.Status)
		return nil
	}
	if err := o.Complete(); err != nil {
		return err
	}
	return a.save(ctx, tx, o)
}
