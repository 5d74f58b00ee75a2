package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/depot/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// InitiateShopping answers the saga's last depot step within the inbox
// transaction tx: the order's pending list becomes available, which is what
// lets a bot assign itself to it. A list initiated before stays as it is; an
// order without a list, or with a cancelled one, is rejected.
func (a *App) InitiateShopping(ctx context.Context, tx pgx.Tx, _ msg.Envelope,
	cmd *depotapi.InitiateShopping) (any, error) {
	return nil, rejected(a.initiate(ctx, tx, cmd.OrderID))
}

func (a *App) initiate(ctx context.Context, tx pgx.Tx, orderID string) error {
	if err := checkOrderID(orderID); err != nil {
		return err
	}
	listID, found, err := a.ports.Orders.ListOf(ctx, tx, orderID)
	switch {
	case err != nil:
		return err
	case !found:
		return apperr.NotFound("shopping list of order", orderID)
	case listID == "":
		return apperr.Conflict("order %s was cancelled; it has no shopping list", orderID)
	}
	_, err = a.change(ctx, tx, listID, (*domain.ShoppingList).MakeAvailable)
	return err
}
