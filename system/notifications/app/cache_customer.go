package app

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/notifications/domain"
)

// CacheCustomer projects a customers event's state into the cache, within
// the inbox transaction; an event older than the cached version is ignored.
func (a *App) CacheCustomer(ctx context.Context, tx pgx.Tx, c customersapi.Customer, version int) error {
	dc := domain.Customer{ID: c.ID, Name: c.Name, SmsNumber: c.SmsNumber, Enabled: c.Enabled}
	if err := domain.CheckCustomer(dc); err != nil {
		return err
	}
	if err := a.customers.Put(ctx, tx, dc, version); err != nil {
		return fmt.Errorf("cache customer %s: %w", c.ID, err)
	}
	return nil
}
