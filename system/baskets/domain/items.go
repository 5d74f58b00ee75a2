package domain

import (
	"math"
	"slices"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
)

// MaxQuantity bounds one line's quantity, which also keeps totals far from
// overflowing.
const MaxQuantity = 10_000

// CheckItemRequest validates a request to add quantity of productID before
// anything is looked up.
func CheckItemRequest(productID string, quantity int) error {
	var c apperr.Check
	checkText(&c, "productId", productID)
	c.Require(quantity >= 1, "quantity", "must be at least 1")
	c.Require(quantity <= MaxQuantity, "quantity", "must be at most 10000")
	return c.Err()
}

// AddItem adds quantity of a product at its current price. A product already
// in the basket gets the extra quantity, and its line takes the product's
// current names and price. A removed product or one from a store that does
// not participate cannot be added.
func (b *Basket) AddItem(p Product, s Store, quantity int) error {
	if err := CheckItemRequest(p.ID, quantity); err != nil {
		return err
	}
	if err := b.mustBeOpen(); err != nil {
		return err
	}
	if err := Sellable(p, s); err != nil {
		return err
	}
	next := b.next()
	item := basketsapi.Item{StoreID: s.ID, StoreName: s.Name, ProductID: p.ID,
		ProductName: p.Name, PriceCents: p.PriceCents, Quantity: quantity}
	if i := slices.IndexFunc(next.Items, byProduct(p.ID)); i >= 0 {
		item.Quantity += next.Items[i].Quantity
		next.Items[i] = item
	} else {
		next.Items = append(next.Items, item)
	}
	if item.Quantity > MaxQuantity {
		return apperr.Conflict("basket %s would hold %d of product %s; at most %d", b.State.ID, item.Quantity, p.ID, MaxQuantity)
	}
	if err := total(&next); err != nil {
		return err
	}
	return es.Raise(b, basketsapi.BasketItemAdded{Basket: next})
}

// RemoveItem removes a product's whole line. A product that is not in the
// basket is an unknown sub-resource: not found.
func (b *Basket) RemoveItem(productID string) error {
	if err := b.mustBeOpen(); err != nil {
		return err
	}
	i := slices.IndexFunc(b.State.Items, byProduct(productID))
	if i < 0 {
		return apperr.NotFound("basket item", productID)
	}
	next := b.next()
	next.Items = slices.Delete(next.Items, i, i+1)
	if err := total(&next); err != nil {
		return err
	}
	return es.Raise(b, basketsapi.BasketItemRemoved{Basket: next})
}

// Sellable reports why a product of a store cannot go into a basket, or nil.
func Sellable(p Product, s Store) error {
	switch {
	case p.Removed:
		return apperr.Conflict("product %s was removed from its store's catalogue", p.ID)
	case s.ID != p.StoreID:
		return apperr.Conflict("product %s is not sold by store %s", p.ID, s.ID)
	case !s.Participating:
		return apperr.Conflict("store %q does not participate in the mall", s.Name)
	}
	return nil
}

// total recomputes the basket's total, refusing one that would overflow.
func total(b *basketsapi.Basket) error {
	var sum int64
	for _, it := range b.Items {
		if it.PriceCents < 0 || it.PriceCents > (math.MaxInt64-sum)/int64(it.Quantity) {
			return apperr.Conflict("the total of basket %s would be out of range", b.ID)
		}
		sum += it.PriceCents * int64(it.Quantity)
	}
	b.TotalCents = sum
	return nil
}

func byProduct(id string) func(basketsapi.Item) bool {
	return func(it basketsapi.Item) bool { return it.ProductID == id }
}
