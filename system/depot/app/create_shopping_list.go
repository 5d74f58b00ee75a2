package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/depot/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// CreateShoppingList answers the saga's command within the inbox
// transaction tx: it makes the order's pending list, one stop per store
// with the store's name and location from the cache. Creating it again
// answers the same list id. An invalid command, a store unknown to the
// cache, or an order whose list was cancelled is rejected, and a rejection
// writes nothing but the failure reply.
func (a *App) CreateShoppingList(ctx context.Context, tx pgx.Tx, _ msg.Envelope,
	cmd *depotapi.CreateShoppingList) (any, error) {
	if err := domain.CheckOrder(cmd.OrderID, cmd.Items); err != nil {
		return nil, rejected(err)
	}
	id, err := a.createList(ctx, tx, cmd)
	if err != nil {
		return nil, rejected(err)
	}
	return depotapi.CreateShoppingListResult{ShoppingListID: id}, nil
}

func (a *App) createList(ctx context.Context, tx pgx.Tx, cmd *depotapi.CreateShoppingList) (string, error) {
	if id, found, err := a.existingList(ctx, tx, cmd.OrderID); found || err != nil {
		return id, err
	}
	l, err := a.plan(ctx, tx, cmd)
	if err != nil {
		return "", err
	}
	claimed, err := a.ports.Orders.Claim(ctx, tx, cmd.OrderID, l.ID())
	if err != nil {
		return "", err
	}
	if !claimed {
		// A concurrent command for the same order (a create or a cancel)
		// committed first: answer as if this one had come after it.
		id, _, err := a.existingList(ctx, tx, cmd.OrderID)
		return id, err
	}
	return l.ID(), a.save(ctx, tx, l)
}

// existingList returns the id of the order's list when it has one that may
// still be shopped; found is false when the depot never heard of the order.
func (a *App) existingList(ctx context.Context, tx pgx.Tx, orderID string) (string, bool, error) {
	listID, found, err := a.ports.Orders.ListOf(ctx, tx, orderID)
	if !found || err != nil {
		return "", false, err
	}
	if listID == "" {
		return "", true, apperr.Conflict("order %s was cancelled; its shopping list cannot be created", orderID)
	}
	l, err := a.load(ctx, tx, listID)
	if err != nil {
		return "", true, err
	}
	if l.State.Status == depotapi.StatusCanceled {
		return "", true, apperr.Conflict("the shopping list of order %s was cancelled", orderID)
	}
	return listID, true, nil
}

// plan makes a new list of the command's items, grouped by store.
func (a *App) plan(ctx context.Context, tx pgx.Tx, cmd *depotapi.CreateShoppingList) (*domain.ShoppingList, error) {
	stores, err := a.ports.Stores.Stores(ctx, tx, domain.StoreIDs(cmd.Items))
	if err != nil {
		return nil, err
	}
	stops, err := domain.PlanStops(cmd.Items, stores)
	if err != nil {
		return nil, err
	}
	return domain.NewShoppingList(msg.NewID(), cmd.OrderID, stops)
}
