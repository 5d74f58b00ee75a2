package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/depot/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// CancelShoppingList answers the saga's compensation within the inbox
// transaction tx: a list not yet completed is cancelled, a cancelled one
// stays so, a completed one is rejected. An order without a list gets a
// tombstone, so that a CreateShoppingList arriving late fails.
func (a *App) CancelShoppingList(ctx context.Context, tx pgx.Tx, _ msg.Envelope,
	cmd *depotapi.CancelShoppingList) (any, error) {
	return nil, rejected(a.cancelOrder(ctx, tx, cmd.OrderID))
}

// cancelOrder cancels an order's list, or records its tombstone.
func (a *App) cancelOrder(ctx context.Context, tx pgx.Tx, orderID string) error {
	if err := checkOrderID(orderID); err != nil {
		return err
	}
	listID, found, err := a.ports.Orders.ListOf(ctx, tx, orderID)
	if err != nil {
		return err
	}
	if !found {
		claimed, err := a.ports.Orders.Claim(ctx, tx, orderID, "")
		if err != nil || claimed {
			return err
		}
		// A concurrent create won the order: cancel the list it made.
		if listID, _, err = a.ports.Orders.ListOf(ctx, tx, orderID); err != nil {
			return err
		}
	}
	if listID == "" {
		return nil
	}
	_, err = a.change(ctx, tx, listID, (*domain.ShoppingList).Cancel)
	return err
}

func checkOrderID(orderID string) error {
	if !domain.ValidID(orderID) {
		return apperr.InvalidFields(apperr.FieldError{Field: "orderId",
			Reason: "must be non-empty printable text of at most 128 bytes"})
	}
	return nil
}
