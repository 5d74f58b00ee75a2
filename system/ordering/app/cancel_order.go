package app

import (
	"context"

	"github.com/mallbots/mallbots/system/ordering/domain"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
)

// CancelOrder cancels a pending or approved order for the customer; any
// later status is a conflict.
func (a *App) CancelOrder(ctx context.Context, id string, in orderingapi.CancelOrder) (orderingapi.Order, error) {
	return a.change(ctx, id, func(o *domain.Order) error { return o.Cancel(in.Reason) })
}
