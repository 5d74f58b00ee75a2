package app

import (
	"context"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/depot/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

// Bot returns one bot.
func (a *App) Bot(ctx context.Context, id string) (depotapi.Bot, error) {
	if !domain.IsIssuedID(id) {
		return depotapi.Bot{}, apperr.NotFound("bot", id)
	}
	return a.ports.Bots.Bot(ctx, a.pool, id)
}

// ShoppingList returns one list from the read table.
func (a *App) ShoppingList(ctx context.Context, id string) (depotapi.ShoppingList, error) {
	if !domain.IsIssuedID(id) {
		return depotapi.ShoppingList{}, apperr.NotFound("shopping list", id)
	}
	return a.ports.Lists.List(ctx, id)
}

// ShoppingLists returns the lists matching f, oldest first: a bot looks for
// work with status available.
func (a *App) ShoppingLists(ctx context.Context, f depotapi.ShoppingListFilter) (depotapi.ShoppingListList, error) {
	if err := checkFilter(f); err != nil {
		return depotapi.ShoppingListList{}, err
	}
	lists, err := a.ports.Lists.Lists(ctx, f)
	if err != nil {
		return depotapi.ShoppingListList{}, err
	}
	if lists == nil {
		lists = []depotapi.ShoppingList{}
	}
	return depotapi.ShoppingListList{ShoppingLists: lists}, nil
}

func checkFilter(f depotapi.ShoppingListFilter) error {
	var c apperr.Check
	c.Require(f.Status == "" || domain.KnownStatus(f.Status), depotapi.QueryStatus,
		"must be one of pending, available, assigned, completed, cancelled")
	c.Require(f.OrderID == "" || domain.ValidID(f.OrderID), depotapi.QueryOrderID,
		"must be printable text of at most 128 bytes")
	return c.Err()
}
