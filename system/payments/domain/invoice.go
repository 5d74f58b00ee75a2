package domain

import (
	"fmt"

	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
)

// Invoice is what the customer pays for a ready order: open, then paid or
// cancelled.
type Invoice struct {
	es.AggregateBase
	State paymentsapi.Invoice
}

type invoiceEvent interface{ InvoiceState() paymentsapi.Invoice }

// Billing is what a ready order brings to its invoice.
type Billing struct {
	OrderID     string
	CustomerID  string
	PaymentID   string
	AmountCents int64
}

// NewInvoice opens an invoice for a ready order.
func NewInvoice(id string, b Billing) (*Invoice, error) {
	var c apperr.Check
	checkID(&c, "orderId", b.OrderID)
	checkID(&c, "customerId", b.CustomerID)
	checkID(&c, "paymentId", b.PaymentID)
	c.Require(b.AmountCents > 0, "amountCents", "must be greater than zero")
	if err := c.Err(); err != nil {
		return nil, err
	}
	i := &Invoice{}
	i.Init(id, 0)
	state := paymentsapi.Invoice{ID: id, OrderID: b.OrderID, CustomerID: b.CustomerID, PaymentID: b.PaymentID,
		AmountCents: b.AmountCents, Status: paymentsapi.InvoiceStatusOpen}
	return i, es.Raise(i, paymentsapi.InvoiceCreated{Invoice: state})
}

// RestoreInvoice returns a stored invoice at its version.
func RestoreInvoice(state paymentsapi.Invoice, version int) *Invoice {
	i := &Invoice{State: state}
	i.Init(state.ID, version)
	return i
}

// Pay marks an open invoice paid.
func (i *Invoice) Pay() error {
	if i.State.Status != paymentsapi.InvoiceStatusOpen {
		return apperr.Conflict("invoice %s is %s; only an open invoice can be paid", i.State.ID, i.State.Status)
	}
	next := i.State
	next.Status = paymentsapi.InvoiceStatusPaid
	return es.Raise(i, paymentsapi.InvoicePaid{Invoice: next})
}

// Cancel cancels an open invoice because its order was cancelled. A
// cancelled invoice stays as it is; a paid one cannot be cancelled.
func (i *Invoice) Cancel() error {
	switch i.State.Status {
	case paymentsapi.InvoiceStatusCanceled:
		return nil
	case paymentsapi.InvoiceStatusPaid:
		return apperr.Conflict("invoice %s is paid; it cannot be cancelled", i.State.ID)
	}
	next := i.State
	next.Status = paymentsapi.InvoiceStatusCanceled
	return es.Raise(i, paymentsapi.InvoiceCanceled{Invoice: next})
}

// Apply sets the state an event carries.
func (i *Invoice) Apply(event es.Event) error {
	e, ok := event.(invoiceEvent)
	if !ok {
		return fmt.Errorf("invoice: unexpected event %s", event.EventName())
	}
	i.State = e.InvoiceState()
	return nil
}
