package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/payments/domain"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// PayInvoice marks an open invoice paid, which completes its order; a paid
// or cancelled invoice is a conflict.
func (a *App) PayInvoice(ctx context.Context, id string) (paymentsapi.Invoice, error) {
	if !msg.CanonicalID(id) {
		return paymentsapi.Invoice{}, apperr.NotFound("invoice", id)
	}
	var inv *domain.Invoice
	err := pg.InTx(ctx, a.pool, func(tx pgx.Tx) error {
		var found bool
		var err error
		if inv, found, err = a.invoices.Lock(ctx, tx, id); err != nil {
			return err
		}
		if !found {
			return apperr.NotFound("invoice", id)
		}
		if err := inv.Pay(); err != nil {
			return err
		}
		return a.invoices.Save(ctx, tx, inv)
	})
	if err != nil {
		return paymentsapi.Invoice{}, err
	}
	return inv.State, nil
}
