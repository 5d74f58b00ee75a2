package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/payments/domain"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// CreateInvoice opens the invoice of a ready order, within the inbox
// transaction tx. An order that has an invoice already (a redelivered or
// republished OrderReadied) or that was cancelled gets none. An unusable
// order is an apperr.Invalid error.
func (a *App) CreateInvoice(ctx context.Context, tx pgx.Tx, b domain.Billing) error {
	inv, err := domain.NewInvoice(msg.NewID(), b)
	if err != nil {
		return err
	}
	if err := a.invoices.LockOrder(ctx, tx, b.OrderID); err != nil {
		return err
	}
	if cancelled, err := a.invoices.Cancelled(ctx, tx, b.OrderID); err != nil || cancelled {
		if cancelled {
			a.log.InfoContext(ctx, "order was cancelled; no invoice", "orderId", b.OrderID)
		}
		return err
	}
	existing, found, err := a.invoices.LockByOrder(ctx, tx, b.OrderID)
	if err != nil || found {
		if found {
			a.log.InfoContext(ctx, "order already invoiced", "orderId", b.OrderID, "invoiceId", existing.State.ID)
		}
		return err
	}
	return a.invoices.Save(ctx, tx, inv)
}
