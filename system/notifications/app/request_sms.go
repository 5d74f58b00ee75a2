package app

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/notifications/domain"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
)

// RequestSMS records, within the inbox transaction, that the customer of
// order gets the SMS of kind, written for them now: their name and number
// are those of the cache at this moment. The SMS's idempotency key comes
// from the order and the kind, so a redelivered or republished event
// requests nothing more. The sender picks it up after the commit.
func (a *App) RequestSMS(ctx context.Context, tx pgx.Tx, order orderingapi.Order, kind string) error {
	if !domain.ValidID(order.CustomerID) {
		return fmt.Errorf("%w: order %s has no valid customer id", domain.ErrInvalid, order.ID)
	}
	c, found, err := a.customers.Get(ctx, tx, order.CustomerID)
	if err != nil {
		return fmt.Errorf("read customer %s: %w", order.CustomerID, err)
	}
	if !found {
		return fmt.Errorf("request %s sms for order %s: customer %s: %w", kind, order.ID, order.CustomerID, ErrCustomerUnknown)
	}
	e, err := domain.Request(c, order.ID, kind, a.cfg.Now())
	if err != nil {
		return err
	}
	if _, err := a.store.Request(ctx, tx, e); err != nil {
		return fmt.Errorf("request sms %s: %w", e.Key, err)
	}
	return nil
}
