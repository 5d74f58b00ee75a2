package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// RejectOrder rejects a pending order at the end of a failed saga, within
// the inbox transaction tx. An order already rejected, or cancelled by the
// customer meanwhile, succeeds with nothing to do; an approved, ready or
// completed order, or an unknown one, is rejected.
func (a *App) RejectOrder(ctx context.Context, tx pgx.Tx, _ msg.Envelope, cmd *orderingapi.RejectOrder) (any, error) {
	o, err := a.loadForChange(ctx, tx, cmd.OrderID)
	if err != nil {
		return nil, rejection(err)
	}
	if err := o.Reject(cmd.Reason); err != nil {
		return nil, rejection(err)
	}
	if err := a.save(ctx, tx, o); err != nil {
		return nil, err
	}
	return o.State, nil
}
