package app

import (
	"context"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
)

// Basket returns one basket, rebuilt from its snapshot and events.
func (a *App) Basket(ctx context.Context, id string) (basketsapi.Basket, error) {
	b, err := a.load(ctx, id)
	if err != nil {
		return basketsapi.Basket{}, err
	}
	return b.State, nil
}
