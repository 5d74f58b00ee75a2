package app

import (
	"context"
	"fmt"

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
	ids := domain.StoreIDs(cmd.Items)
	stores, err := a.ports.Stores.Stores(ctx, tx, ids)
	if err != nil {
		return nil, err
	}
	if err := a.askStores(ctx, tx, ids, stores); err != nil {
		return nil, err
	}
	stops, err := domain.PlanStops(cmd.Items, stores)
	if err != nil {
		return nil, err
	}
	return domain.NewShoppingList(msg.NewID(), cmd.OrderID, stops)
}

// askStores fills the stores the cache misses from stores itself, caching
// each answer at version 0 so that any event of the store supersedes it. A
// store's events may simply not have reached the depot yet when an order
// names it. An unreachable stores service is an infrastructure error: the
// command is redelivered, never rejected for it.
func (a *App) askStores(ctx context.Context, tx pgx.Tx, ids []string, known map[string]domain.Store) error {
	if a.ports.Directory == nil {
		return nil
	}
	for _, id := range ids {
		if _, ok := known[id]; ok || !domain.ValidID(id) {
			continue
		}
		s, found, err := a.ports.Directory.Store(ctx, id)
		if err != nil {
			return fmt.Errorf("ask stores about store %s: %w", id, err)
		}
		if !found {
			continue
		}
		if err := a.ports.Stores.PutStore(ctx, tx, s, 0); err != nil {
			return err
		}
		known[id] = s
	}
	return nil
}
