package app

import (
	"context"

	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/cosec/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

// Saga returns the state of an order's saga.
func (a *App) Saga(ctx context.Context, orderID string) (cosecapi.Saga, error) {
	if !domain.ValidID(orderID) {
		return cosecapi.Saga{}, apperr.NotFound("saga", orderID)
	}
	return a.sagas.Saga(ctx, orderID)
}
