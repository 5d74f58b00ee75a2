package domain

import (
	"fmt"
	"slices"

	"github.com/google/uuid"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/es"
)

// Order is the order aggregate.
type Order struct {
	es.AggregateBase `json:"-"`
	State            orderingapi.Order `json:"state"`
}

type orderEvent interface{ OrderState() orderingapi.Order }

// orderNamespace scopes the name-based ids of orders.
var orderNamespace = uuid.MustParse("6f1a3c52-9d0e-4b8a-a5c1-0e6d2f7b9a41")

// OrderIDFor returns the id of the order made from a basket: a UUID v5 of
// the basket id, so that however often a checkout is delivered or
// republished, it can only ever create the one order.
func OrderIDFor(basketID string) string {
	return uuid.NewSHA1(orderNamespace, []byte(basketID)).String()
}

// Placement is what a checked-out basket brings to a new order.
type Placement struct {
	BasketID   string
	CustomerID string
	PaymentID  string
	Items      []orderingapi.Item
	TotalCents int64
}

// NewOrder creates a pending order from a checked-out basket. Its id is
// OrderIDFor(basket id).
func NewOrder(p Placement) (*Order, error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	o := &Order{}
	id := OrderIDFor(p.BasketID)
	o.Init(id, 0)
	state := orderingapi.Order{ID: id, BasketID: p.BasketID, CustomerID: p.CustomerID,
		PaymentID: p.PaymentID, Items: slices.Clone(p.Items), TotalCents: p.TotalCents,
		Status: orderingapi.StatusPending}
	return o, es.Raise(o, orderingapi.OrderCreated{Order: state})
}

// next returns a copy of the state that shares no memory with the current
// one, so an event already raised never changes afterwards.
func (o *Order) next() orderingapi.Order {
	next := o.State
	next.Items = slices.Clone(o.State.Items)
	return next
}

// Apply sets the state an event carries.
func (o *Order) Apply(event es.Event) error {
	e, ok := event.(orderEvent)
	if !ok {
		return fmt.Errorf("order: unexpected event %s", event.EventName())
	}
	o.State = e.OrderState()
	if o.State.Items == nil {
		o.State.Items = []orderingapi.Item{}
	}
	return nil
}
