package domain

import (
	"fmt"

	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
)

// Payment is an amount a customer authorized, later confirmed for one order.
type Payment struct {
	es.AggregateBase
	State paymentsapi.Payment
}

type paymentEvent interface{ PaymentState() paymentsapi.Payment }

// AuthorizePayment authorizes amountCents for a customer.
func AuthorizePayment(id, customerID string, amountCents int64) (*Payment, error) {
	var c apperr.Check
	checkID(&c, "customerId", customerID)
	c.Require(amountCents > 0, "amountCents", "must be greater than zero")
	if err := c.Err(); err != nil {
		return nil, err
	}
	p := &Payment{}
	p.Init(id, 0)
	state := paymentsapi.Payment{ID: id, CustomerID: customerID, AmountCents: amountCents,
		Status: paymentsapi.PaymentStatusAuthorized}
	return p, es.Raise(p, paymentsapi.PaymentAuthorized{Payment: state})
}

// RestorePayment returns a stored payment at its version.
func RestorePayment(state paymentsapi.Payment, version int) *Payment {
	p := &Payment{State: state}
	p.Init(state.ID, version)
	return p
}

// Confirm confirms the payment for an order. The customer and the amount
// must be the authorized ones. Confirming it again for the same order
// changes nothing and is no error (a retried command has one effect); for
// another order it is a conflict: a payment pays for one order.
func (p *Payment) Confirm(customerID, orderID string, amountCents int64) error {
	var c apperr.Check
	checkID(&c, "orderId", orderID)
	if err := c.Err(); err != nil {
		return err
	}
	switch {
	case customerID != p.State.CustomerID:
		return apperr.Conflict("payment %s was not authorized by customer %q", p.State.ID, customerID)
	case amountCents != p.State.AmountCents:
		return apperr.Conflict("amount %d does not match authorized %d", amountCents, p.State.AmountCents)
	case p.State.Status == paymentsapi.PaymentStatusConfirmed && p.State.OrderID == orderID:
		return nil
	case p.State.Status == paymentsapi.PaymentStatusConfirmed:
		return apperr.Conflict("payment %s is already confirmed for order %s", p.State.ID, p.State.OrderID)
	}
	next := p.State
	next.Status, next.OrderID = paymentsapi.PaymentStatusConfirmed, orderID
	return es.Raise(p, paymentsapi.PaymentConfirmed{Payment: next})
}

// Apply sets the state an event carries.
func (p *Payment) Apply(event es.Event) error {
	e, ok := event.(paymentEvent)
	if !ok {
		return fmt.Errorf("payment: unexpected event %s", event.EventName())
	}
	p.State = e.PaymentState()
	return nil
}
