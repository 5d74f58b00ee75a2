package steps

import (
	"context"
	"fmt"

	"github.com/mallbots/mallbots/system/payments/paymentsapi"
)

// invoice waits for the invoice of the customer's order.
func (x *scenarioSteps) invoice(ctx context.Context, customer string) (paymentsapi.Invoice, error) {
	o, err := x.order(ctx, customer)
	if err != nil {
		return paymentsapi.Invoice{}, err
	}
	var inv paymentsapi.Invoice
	err = x.s.Eventually(ctx, 0, "an invoice for the order of "+customer, func(ctx context.Context) (bool, string, error) {
		list, err := x.s.Client.InvoicesByOrder(ctx, o.ID)
		if err != nil || len(list.Invoices) == 0 {
			return false, "no invoice yet", err
		}
		inv = list.Invoices[0]
		return true, "", nil
	})
	return inv, err
}

func (x *scenarioSteps) payInvoice(ctx context.Context, customer string) error {
	inv, err := x.invoice(ctx, customer)
	if err != nil {
		return err
	}
	_, err = x.s.Client.PayInvoice(ctx, inv.ID)
	return err
}

func (x *scenarioSteps) invoiceIs(ctx context.Context, customer, status string) error {
	inv, err := x.invoice(ctx, customer)
	if err != nil {
		return err
	}
	return x.s.Eventually(ctx, 0, "the invoice to be "+status, func(ctx context.Context) (bool, string, error) {
		i, err := x.s.Client.Invoice(ctx, inv.ID)
		return string(i.Status) == status, "status " + string(i.Status), err
	})
}

func (x *scenarioSteps) invoiceAmount(ctx context.Context, customer, total string) error {
	inv, err := x.invoice(ctx, customer)
	if err != nil {
		return err
	}
	if got := amount(inv.AmountCents); got != total {
		return fmt.Errorf("expected the invoice to be for %s, got %s", total, got)
	}
	return nil
}

func (x *scenarioSteps) sagaEnded(ctx context.Context, customer, outcome string) error {
	o, err := x.order(ctx, customer)
	if err != nil {
		return err
	}
	return x.s.Eventually(ctx, 0, "the saga to have "+outcome, func(ctx context.Context) (bool, string, error) {
		saga, err := x.s.Client.Saga(ctx, o.ID)
		return string(saga.Status) == outcome, fmt.Sprintf("status %s at step %s %s", saga.Status, saga.CurrentStep, saga.FailureReason), err
	})
}
