package steps

import (
	"context"
	"fmt"

	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func registerPayments(r *registry, x *scenarioSteps) {
	r.add(`^"([^"]*)" tries to pay the invoice for their order(?: again)?$`,
		`"Ada" tries to pay the invoice for their order again`, x.tryPayInvoice)
	r.add(`^I try to pay an invoice that was never opened$`, `I try to pay an invoice that was never opened`, x.tryPayUnknownInvoice)
	r.add(`^the order of "([^"]*)" has no invoice$`, `the order of "Ada" has no invoice`, x.noInvoice)
	r.add(`^the payment of "([^"]*)" is (authorized|confirmed|released)$`, `the payment of "Ada" is released`, x.paymentIs)
	r.add(`^the payment of "([^"]*)" is for ([\d.]+)$`, `the payment of "Ada" is for 25.00`, x.paymentAmount)
	r.add(`^I try to authorize a payment of (-?[\d.]+) for "([^"]*)"$`, `I try to authorize a payment of 0.00 for "Ada"`, x.tryAuthorize)
	r.add(`^I try to authorize a payment of ([\d.]+) for a customer who was never registered$`,
		`I try to authorize a payment of 25.00 for a customer who was never registered`, x.tryAuthorizeUnknownCustomer)
}

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

func (x *scenarioSteps) tryPayInvoice(ctx context.Context, customer string) error {
	x.s.Attempted(x.payInvoice(ctx, customer))
	return nil
}

func (x *scenarioSteps) tryPayUnknownInvoice(ctx context.Context) error {
	_, err := x.s.Client.PayInvoice(ctx, msg.NewID())
	x.s.Attempted(err)
	return nil
}

// noInvoice reads the order's invoices now; pair it with a window in which
// no InvoiceCreated arrives to say that none will come.
func (x *scenarioSteps) noInvoice(ctx context.Context, customer string) error {
	o, err := x.order(ctx, customer)
	if err != nil {
		return err
	}
	list, err := x.s.Client.InvoicesByOrder(ctx, o.ID)
	if err != nil {
		return err
	}
	if len(list.Invoices) > 0 {
		return fmt.Errorf("expected no invoice for the order of %s, got %+v", customer, list.Invoices)
	}
	return nil
}

// payment reads the payment the customer's order was checked out with.
func (x *scenarioSteps) payment(ctx context.Context, customer string) (paymentsapi.Payment, error) {
	o, err := x.order(ctx, customer)
	if err != nil {
		return paymentsapi.Payment{}, err
	}
	return x.s.Client.Payment(ctx, o.PaymentID)
}

func (x *scenarioSteps) paymentIs(ctx context.Context, customer, status string) error {
	if _, err := x.payment(ctx, customer); err != nil {
		return err
	}
	return x.s.Eventually(ctx, 0, "the payment of "+customer+" to be "+status, func(ctx context.Context) (bool, string, error) {
		p, err := x.payment(ctx, customer)
		return string(p.Status) == status, fmt.Sprintf("status %s for order %q", p.Status, p.OrderID), err
	})
}

func (x *scenarioSteps) paymentAmount(ctx context.Context, customer, total string) error {
	p, err := x.payment(ctx, customer)
	if err != nil {
		return err
	}
	if got := amount(p.AmountCents); got != total {
		return fmt.Errorf("expected the payment to be for %s, got %s", total, got)
	}
	return nil
}

func (x *scenarioSteps) tryAuthorize(ctx context.Context, amountText, customer string) error {
	c, err := cents(amountText)
	if err != nil {
		return err
	}
	return x.withCustomer(customer, func(id string) error {
		_, err := x.s.Client.AuthorizePayment(ctx, paymentsapi.AuthorizePayment{CustomerID: id, AmountCents: c})
		x.s.Attempted(err)
		return nil
	})
}

func (x *scenarioSteps) tryAuthorizeUnknownCustomer(ctx context.Context, amountText string) error {
	c, err := cents(amountText)
	if err != nil {
		return err
	}
	_, err = x.s.Client.AuthorizePayment(ctx, paymentsapi.AuthorizePayment{CustomerID: msg.NewID(), AmountCents: c})
	x.s.Attempted(err)
	return nil
}
