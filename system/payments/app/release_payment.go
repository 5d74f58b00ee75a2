package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/payments/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// ReleasePayment gives back the payment of an order that was rejected or
// cancelled, within the inbox transaction tx. A payment that is unknown,
// another customer's or confirmed for another order is kept (and logged):
// the event still has its other effects, so it is not an error. Releasing a
// released payment again changes nothing.
func (a *App) ReleasePayment(ctx context.Context, tx pgx.Tx, o domain.EndedOrder) error {
	if !msg.CanonicalID(o.PaymentID) {
		return a.keep(ctx, o, "no such payment")
	}
	p, found, err := a.payments.Lock(ctx, tx, o.PaymentID)
	if err != nil {
		return err
	}
	if !found {
		return a.keep(ctx, o, "no such payment")
	}
	if err := p.Release(o.CustomerID, o.OrderID); err != nil {
		if _, ok := apperr.As(err); ok {
			return a.keep(ctx, o, err.Error())
		}
		return err
	}
	return a.payments.Save(ctx, tx, p)
}

// keep logs why an ended order's payment was not released.
func (a *App) keep(ctx context.Context, o domain.EndedOrder, why string) error {
	a.log.InfoContext(ctx, "order ended; its payment is not released: "+why,
		"orderId", o.OrderID, "paymentId", o.PaymentID)
	return nil
}
