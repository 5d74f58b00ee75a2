package app

import (
	"context"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/baskets/domain"
)

// CheckoutBasket checks out an open, non-empty basket with a payment; the
// BasketCheckedOut event it publishes starts the order.
func (a *App) CheckoutBasket(ctx context.Context, basketID string, in basketsapi.Checkout) (basketsapi.Basket, error) {
	return a.change(ctx, basketID, func(b *domain.Basket) error { return b.Checkout(in.PaymentID) })
}
