package app

import (
	"context"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/baskets/domain"
)

// CancelBasket abandons an open basket.
func (a *App) CancelBasket(ctx context.Context, basketID string) (basketsapi.Basket, error) {
	return a.change(ctx, basketID, (*domain.Basket).Cancel)
}
