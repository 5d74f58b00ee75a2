package app

import (
	"context"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/customers/domain"
)

// DisableCustomer stops a customer from ordering.
func (a *App) DisableCustomer(ctx context.Context, id string) (customersapi.Customer, error) {
	return a.change(ctx, id, (*domain.Customer).Disable)
}
