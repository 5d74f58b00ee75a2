package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/ordering/domain"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// ApproveOrder approves a pending order at the end of a successful saga,
// within the inbox transaction tx. Any other status, an unknown order or a
// missing shopping list is rejected. When bots already completed the list
// while the order was pending, the order is readied at once.
func (a *App) ApproveOrder(ctx context.Context, tx pgx.Tx, _ msg.Envelope, cmd *orderingapi.ApproveOrder) (any, error) {
	o, err := a.loadForChange(ctx, tx, cmd.OrderID)
	if err != nil {
		return nil, rejection(err)
	}
	if err := o.Approve(cmd.ShoppingListID); err != nil {
		return nil, rejection(err)
	}
	if err := a.readyIfCompleted(ctx, tx, o); err != nil {
		return nil, err
	}
	if err := a.save(ctx, tx, o); err != nil {
		return nil, err
	}
	return o.State, nil
}

// readyIfCompleted readies a just-approved order whose list was completed
// early, consuming the parked completion.
func (a *App) readyIfCompleted(ctx context.Context, tx pgx.Tx, o *domain.Order) error {
	listID, found, err := a.completions.Take(ctx, tx, o.State.ID)
	if err != nil || !found {
		return err
	}
	if listID != o.State.ShoppingListID {
		a.log.WarnContext(ctx, "parked completion is for another shopping list; ignored",
			"orderId", o.State.ID, "parked", listID, "approved", o.State.ShoppingListID)
		return nil
	}
	return o.Ready()
}
