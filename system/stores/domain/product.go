package domain

import (
	"fmt"
	"strings"

	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// Product is the product aggregate.
type Product struct {
	es.AggregateBase `json:"-"`
	State            storesapi.Product `json:"state"`
}

type productEvent interface{ ProductState() storesapi.Product }

// NewProduct adds a product to a store's catalogue.
func NewProduct(id, storeID string, in storesapi.AddProduct) (*Product, error) {
	var c apperr.Check
	c.Require(strings.TrimSpace(in.Name) != "", "name", "must not be empty")
	c.Require(strings.TrimSpace(in.SKU) != "", "sku", "must not be empty")
	c.Require(in.PriceCents > 0, "priceCents", "must be greater than zero")
	if err := c.Err(); err != nil {
		return nil, err
	}
	p := &Product{}
	p.Init(id, 0)
	state := storesapi.Product{ID: id, StoreID: storeID, Name: strings.TrimSpace(in.Name),
		Description: in.Description, SKU: strings.TrimSpace(in.SKU), PriceCents: in.PriceCents}
	return p, es.Raise(p, storesapi.ProductAdded{Product: state})
}

// Rebrand changes the product's name and description.
func (p *Product) Rebrand(name, description string) error {
	if err := p.mustExist(); err != nil {
		return err
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return apperr.InvalidFields(apperr.FieldError{Field: "name", Reason: "must not be empty"})
	}
	next := p.State
	next.Name, next.Description = name, description
	return es.Raise(p, storesapi.ProductRebranded{Product: next})
}

// IncreasePrice raises the price by delta cents.
func (p *Product) IncreasePrice(delta int64) error {
	if err := p.checkDelta(delta); err != nil {
		return err
	}
	next := p.State
	next.PriceCents += delta
	return es.Raise(p, storesapi.ProductPriceIncreased{Product: next})
}

// DecreasePrice lowers the price by delta cents; the price stays positive.
func (p *Product) DecreasePrice(delta int64) error {
	if err := p.checkDelta(delta); err != nil {
		return err
	}
	if delta >= p.State.PriceCents {
		return apperr.Conflict("price %d cannot drop by %d: it must stay above zero", p.State.PriceCents, delta)
	}
	next := p.State
	next.PriceCents -= delta
	return es.Raise(p, storesapi.ProductPriceDecreased{Product: next})
}

// Remove takes the product out of the catalogue.
func (p *Product) Remove() error {
	if err := p.mustExist(); err != nil {
		return err
	}
	next := p.State
	next.Removed = true
	return es.Raise(p, storesapi.ProductRemoved{Product: next})
}

func (p *Product) checkDelta(delta int64) error {
	if err := p.mustExist(); err != nil {
		return err
	}
	if delta <= 0 {
		return apperr.InvalidFields(apperr.FieldError{Field: "deltaCents", Reason: "must be greater than zero"})
	}
	return nil
}

func (p *Product) mustExist() error {
	if p.State.Removed {
		return apperr.Conflict("product %q was removed", p.State.Name)
	}
	return nil
}

// Apply sets the state an event carries.
func (p *Product) Apply(event es.Event) error {
	e, ok := event.(productEvent)
	if !ok {
		return fmt.Errorf("product: unexpected event %s", event.EventName())
	}
	p.State = e.ProductState()
	return nil
}
