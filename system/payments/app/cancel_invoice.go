package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/payments/paymentsapi"
)

// CancelInvoice handles an order's cancellation within the inbox
// transaction tx: it records the cancellation, so that a later OrderReadied
// opens no invoice, and cancels the order's open invoice if there is one. A
// paid invoice stays paid (and is logged): money taken is refunded by
// people, not by an event.
func (a *App) CancelInvoice(ctx context.Context, tx pgx.Tx, orderID string) error {
	if err := a.invoices.LockOrder(ctx, tx, orderID); err != nil {
		return err
	}
	if err := a.invoices.RecordCancellation(ctx, tx, orderID); err != nil {
		return err
	}
	inv, found, err := a.invoices.LockByOrder(ctx, tx, orderID)
	if err != nil || !found {
		return err
	}
	if inv.State.Status == paymentsapi.InvoiceStatusPaid {
		a.log.WarnContext(ctx, "order cancelled after its invoice was paid; invoice kept",
			"orderId", orderID, "invoiceId", inv.State.ID)
		return nil
	}
	if err := inv.Cancel(); err != nil {
		return err
	}
	return a.invoices.Save(ctx, tx, inv)
}
