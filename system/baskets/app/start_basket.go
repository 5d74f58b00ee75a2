package app

import (
	"context"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/baskets/domain"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// StartBasket starts an empty basket for a customer customers registered;
// another is not found.
func (a *App) StartBasket(ctx context.Context, in basketsapi.StartBasket) (basketsapi.Basket, error) {
	b, err := domain.NewBasket(msg.NewID(), in.CustomerID)
	if err != nil {
		return basketsapi.Basket{}, err
	}
	if err := a.knownCustomer(ctx, in.CustomerID); err != nil {
		return basketsapi.Basket{}, err
	}
	return b.State, a.baskets.Create(ctx, a.pool, b)
}
