package app

import (
	"context"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/customers/domain"
)

// EnableCustomer lets a disabled customer order again.
func (a *App) EnableCustomer(ctx context.Context, id string) (customersapi.Customer, error) {
	return a.change(ctx, id, (*domain.Customer).Enable)
}
