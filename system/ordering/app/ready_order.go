package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
)

// ReadyOrder readies an approved order whose shopping list the bots
// completed, within the inbox transaction tx. A completion for a pending
// order is parked until ApproveOrder arrives; one for an order that is
// already ready or further on, or rejected or cancelled, changes nothing and
// is logged. An unknown order is an apperr.NotFound error.
func (a *App) ReadyOrder(ctx context.Context, tx pgx.Tx, orderID, shoppingListID string) error {
	o, err := a.loadForChange(ctx, tx, orderID)
	if err != nil {
		return err
	}
	switch o.State.Status {
	case orderingapi.StatusPending:
		a.log.InfoContext(ctx, "shopping completed before the order was approved; parked",
			"orderId", orderID, "shoppingListId", shoppingListID)
		return a.completions.Park(ctx, tx, orderID, shoppingListID)
	case orderingapi.StatusApproved:
		if o.State.ShoppingListID != shoppingListID {
			a.log.WarnContext(ctx, "completed list is not the order's; ignored", "orderId", orderID,
				"shoppingListId", shoppingListID, "ordersList", o.State.ShoppingListID)
			return nil
		}
		if err := o.Ready(); err != nil {
			return err
		}
		return a.save(ctx, tx, o)
	}
	a.log.InfoContext(ctx, "shopping completed for an order that is not approved; ignored",
		"orderId", orderID, "status", o.State.Status)
	return nil
}
