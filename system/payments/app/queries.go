package app

import (
	"context"
	"fmt"

	"github.com/mallbots/mallbots/system/payments/domain"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// Payment returns one payment.
func (a *App) Payment(ctx context.Context, id string) (paymentsapi.Payment, error) {
	if !msg.CanonicalID(id) {
		return paymentsapi.Payment{}, apperr.NotFound("payment", id)
	}
	return a.payments.Payment(ctx, id)
}

// Invoice returns one invoice.
func (a *App) Invoice(ctx context.Context, id string) (paymentsapi.Invoice, error) {
	if !msg.CanonicalID(id) {
		return paymentsapi.Invoice{}, apperr.NotFound("invoice", id)
	}
	return a.invoices.Invoice(ctx, id)
}

// InvoicesByOrder lists an order's invoices: none, or its one invoice.
func (a *App) InvoicesByOrder(ctx context.Context, orderID string) (paymentsapi.InvoiceList, error) {
	var c apperr.Check
	c.Require(orderID != "", "orderId", "is required")
	c.Require(len(orderID) <= domain.MaxIDLength && domain.Printable(orderID), "orderId",
		fmt.Sprintf("must be printable text of at most %d bytes", domain.MaxIDLength))
	if err := c.Err(); err != nil {
		return paymentsapi.InvoiceList{}, err
	}
	invoices, err := a.invoices.ByOrder(ctx, orderID)
	if err != nil {
		return paymentsapi.InvoiceList{}, fmt.Errorf("list invoices: %w", err)
	}
	return paymentsapi.InvoiceList{Invoices: invoices}, nil
}
