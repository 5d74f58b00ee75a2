package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/platform/apperr"
)

// OrderCanceled cancels the list of an order its customer cancelled, by
// the rules of CancelShoppingList, within the inbox transaction tx. A
// completed list stays completed: the items are already at the pickup
// point, and there is no one to reply to.
func (a *App) OrderCanceled(ctx context.Context, tx pgx.Tx, orderID string) error {
	err := a.cancelOrder(ctx, tx, orderID)
	if e, ok := apperr.As(err); ok && e.Kind == apperr.KindConflict {
		return nil
	}
	return err
}
