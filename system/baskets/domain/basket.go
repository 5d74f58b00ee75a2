package domain

import (
	"fmt"
	"slices"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
)

// Basket is the basket aggregate.
type Basket struct {
	es.AggregateBase `json:"-"`
	State            basketsapi.Basket `json:"state"`
}

type basketEvent interface{ BasketState() basketsapi.Basket }

// NewBasket starts an empty, open basket for a customer.
func NewBasket(id, customerID string) (*Basket, error) {
	var c apperr.Check
	checkText(&c, "customerId", customerID)
	if err := c.Err(); err != nil {
		return nil, err
	}
	b := &Basket{}
	b.Init(id, 0)
	state := basketsapi.Basket{ID: id, CustomerID: customerID, Status: basketsapi.StatusOpen, Items: []basketsapi.Item{}}
	return b, es.Raise(b, basketsapi.BasketStarted{Basket: state})
}

// Cancel abandons an open basket.
func (b *Basket) Cancel() error {
	if err := b.mustBeOpen(); err != nil {
		return err
	}
	next := b.next()
	next.Status = basketsapi.StatusCanceled
	return es.Raise(b, basketsapi.BasketCanceled{Basket: next})
}

// mustBeOpen is the rule that only an open basket changes.
func (b *Basket) mustBeOpen() error {
	if b.State.Status != basketsapi.StatusOpen {
		return apperr.Conflict("basket %s is %s; only an open basket changes", b.State.ID, b.State.Status)
	}
	return nil
}

// next returns a copy of the state that shares no memory with the current
// one, so an event already raised never changes afterwards.
func (b *Basket) next() basketsapi.Basket {
	next := b.State
	next.Items = slices.Clone(b.State.Items)
	return next
}

// Apply sets the state an event carries.
func (b *Basket) Apply(event es.Event) error {
	e, ok := event.(basketEvent)
	if !ok {
		return fmt.Errorf("basket: unexpected event %s", event.EventName())
	}
	b.State = e.BasketState()
	if b.State.Items == nil {
		b.State.Items = []basketsapi.Item{}
	}
	return nil
}
