package app

import (
	"context"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/baskets/domain"
)

// AddItem adds a quantity of a product at the price the cache knows now.
// The basket is checked first so that an unknown basket never costs a call
// to stores.
func (a *App) AddItem(ctx context.Context, basketID string, in basketsapi.AddItem) (basketsapi.Basket, error) {
	if err := domain.CheckItemRequest(in.ProductID, in.Quantity); err != nil {
		return basketsapi.Basket{}, err
	}
	if _, err := a.load(ctx, basketID); err != nil {
		return basketsapi.Basket{}, err
	}
	p, s, err := a.offer(ctx, in.ProductID)
	if err != nil {
		return basketsapi.Basket{}, err
	}
	return a.change(ctx, basketID, func(b *domain.Basket) error { return b.AddItem(p, s, in.Quantity) })
}
