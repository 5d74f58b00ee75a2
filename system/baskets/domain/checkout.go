package domain

import (
	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
)

// Checkout closes an open basket with at least one item, recording the
// payment that pays for it.
func (b *Basket) Checkout(paymentID string) error {
	var c apperr.Check
	checkText(&c, "paymentId", paymentID)
	if err := c.Err(); err != nil {
		return err
	}
	if err := b.mustBeOpen(); err != nil {
		return err
	}
	if len(b.State.Items) == 0 {
		return apperr.Conflict("basket %s is empty; add an item before checking out", b.State.ID)
	}
	next := b.next()
	next.Status, next.PaymentID = basketsapi.StatusCheckedOut, paymentID
	return es.Raise(b, basketsapi.BasketCheckedOut{Basket: next})
}
