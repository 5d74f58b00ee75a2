package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/depot/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// AssignList lets a known bot take an available list. The
// ShoppingListAssigned event tells who is shopping it.
func (a *App) AssignList(ctx context.Context, listID string, in depotapi.AssignList) (depotapi.ShoppingList, error) {
	return a.byBot(ctx, listID, in.BotID, (*domain.ShoppingList).Assign)
}

// CompleteList records that the assigned bot delivered the list; the
// ShoppingListCompleted event is what makes ordering ready the order.
func (a *App) CompleteList(ctx context.Context, listID string, in depotapi.AssignList) (depotapi.ShoppingList, error) {
	return a.byBot(ctx, listID, in.BotID, (*domain.ShoppingList).Complete)
}

// byBot applies a bot's action to a list in one transaction: an unknown
// list or bot is not found, a list in the wrong state is a conflict, and a
// list changed concurrently by another request is a stale version.
func (a *App) byBot(ctx context.Context, listID, botID string,
	act func(*domain.ShoppingList, string) error) (depotapi.ShoppingList, error) {
	if err := domain.CheckBotID(botID); err != nil {
		return depotapi.ShoppingList{}, err
	}
	var l *domain.ShoppingList
	err := pg.InTx(ctx, a.pool, func(tx pgx.Tx) error {
		var err error
		if l, err = a.load(ctx, tx, listID); err != nil {
			return err
		}
		if err := a.knownBot(ctx, tx, botID); err != nil {
			return err
		}
		if err := act(l, botID); err != nil {
			return err
		}
		return a.save(ctx, tx, l)
	})
	if err != nil {
		return depotapi.ShoppingList{}, err
	}
	return l.State, nil
}

func (a *App) knownBot(ctx context.Context, q pg.Querier, botID string) error {
	if !domain.IsIssuedID(botID) {
		return apperr.NotFound("bot", botID)
	}
	_, err := a.ports.Bots.Bot(ctx, q, botID)
	return err
}
