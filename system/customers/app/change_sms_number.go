package app

import (
	"context"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/customers/domain"
)

// ChangeSmsNumber sets a customer's SMS number; the current number again
// changes nothing and publishes nothing.
func (a *App) ChangeSmsNumber(ctx context.Context, id string, in customersapi.ChangeSmsNumber) (customersapi.Customer, error) {
	return a.change(ctx, id, func(cu *domain.Customer) error { return cu.ChangeSmsNumber(in.SmsNumber) })
}
