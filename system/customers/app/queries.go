package app

import (
	"context"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// Customer returns one customer.
func (a *App) Customer(ctx context.Context, id string) (customersapi.Customer, error) {
	if !msg.CanonicalID(id) {
		return customersapi.Customer{}, apperr.NotFound("customer", id)
	}
	return a.views.Customer(ctx, id)
}
