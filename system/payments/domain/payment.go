package domain

import (
	"fmt"

	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
)

// Payment is an amount a customer authorized, later confirmed for one order,
// or released when that order is rejected or cancelled.
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
// another order it is a conflict: a payment pays for one order. A released
// payment is never confirmed.
func (p *Payment) Confirm(customerID, orderID string, amountCents int64) error {
	var c apperr.Check
	checkID(&c, "orderId", orderID)
	if err := c.Err(); err != nil {
		return err
	}
	switch {
	case p.State.Status == paymentsapi.PaymentStatusReleased:
		return apperr.Conflict("payment %s was released; it cannot be confirmed", p.State.ID)
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

// Release gives the payment back because orderID, the order it was for,
// was rejected or cancelled: nothing will be taken. An authorized payment
// or one confirmed for that order is released; releasing it again changes
// nothing and is no error (a redelivered event has one effect). Another
// customer's payment, or one confirmed for another order, is a conflict:
// that order still needs it.
func (p *Payment) Release(customerID, orderID string) error {
	switch {
	case customerID != p.State.CustomerID:
		return apperr.Conflict("payment %s was not authorized by customer %q", p.State.ID, customerID)
	case p.State.Status == paymentsapi.PaymentStatusReleased:
		return nil
	case p.State.Status == paymentsapi.PaymentStatusConfirmed && p.State.OrderID != orderID:
		return apperr.Conflict("payment %s is confirmed for order %s, not %s", p.State.ID, p.State.OrderID, orderID)
	}
	next := p.State
	next.Status, next.OrderID = paymentsapi.PaymentStatusReleased, orderID
	return es.Raise(p, paymentsapi.PaymentReleased{Payment: next})
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

// EndedOrder is what a rejected or cancelled order brings to its payment.
type EndedOrder struct {
	OrderID    string
	CustomerID string
	PaymentID  string
}
