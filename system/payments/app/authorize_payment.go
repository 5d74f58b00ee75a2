package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/payments/domain"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// AuthorizePayment authorizes an amount for a customer customers
// registered (another is not found) and returns the payment, whose id the
// customer checks the basket out with.
func (a *App) AuthorizePayment(ctx context.Context, in paymentsapi.AuthorizePayment) (paymentsapi.Payment, error) {
	p, err := domain.AuthorizePayment(msg.NewID(), in.CustomerID, in.AmountCents)
	if err != nil {
		return paymentsapi.Payment{}, err
	}
	if err := a.knownCustomer(ctx, in.CustomerID); err != nil {
		return paymentsapi.Payment{}, err
	}
	err = pg.InTx(ctx, a.pool, func(tx pgx.Tx) error { return a.payments.Save(ctx, tx, p) })
	if err != nil {
		return paymentsapi.Payment{}, err
	}
	return p.State, nil
}
