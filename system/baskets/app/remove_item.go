package app

import (
	"context"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/baskets/domain"
)

// RemoveItem removes a product's line from a basket; a product that is not
// in the basket is not found.
func (a *App) RemoveItem(ctx context.Context, basketID, productID string) (basketsapi.Basket, error) {
	return a.change(ctx, basketID, func(b *domain.Basket) error { return b.RemoveItem(productID) })
}
