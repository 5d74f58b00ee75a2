package app

import (
	"context"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

// Customer returns one customer.
func (a *App) Customer(ctx context.Context, id string) (customersapi.Customer, error) {
	if !validID(id) {
		return customersapi.Customer{}, apperr.NotFound("customer", id)
	}
	return a.views.Customer(ctx, id)
}
