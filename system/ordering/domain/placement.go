package domain

import (
	"fmt"
	"math"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

// validate checks that a checkout can become an order: who, how they pay,
// at least one well-formed item, and a total that is the sum of the items.
func (p Placement) validate() error {
	var c apperr.Check
	checkText(&c, "basketId", p.BasketID)
	checkText(&c, "customerId", p.CustomerID)
	checkText(&c, "paymentId", p.PaymentID)
	c.Require(len(p.Items) > 0, "items", "must hold at least one item")
	for i, it := range p.Items {
		checkItem(&c, fmt.Sprintf("items[%d]", i), it)
	}
	if err := c.Err(); err != nil {
		return err
	}
	sum, ok := total(p.Items)
	if !ok || sum != p.TotalCents {
		return apperr.InvalidFields(apperr.FieldError{Field: "totalCents",
			Reason: fmt.Sprintf("is %d but the items add up to %d", p.TotalCents, sum)})
	}
	return nil
}

// checkItem checks what an order relies on. Names are taken as baskets
// published them: ordering does not refuse what stores and baskets accepted.
func checkItem(c *apperr.Check, field string, it orderingapi.Item) {
	c.Require(it.ProductID != "", field+".productId", "must not be empty")
	c.Require(it.StoreID != "", field+".storeId", "must not be empty")
	c.Require(it.PriceCents > 0, field+".priceCents", "must be greater than zero")
	c.Require(it.Quantity > 0, field+".quantity", "must be greater than zero")
}

// total adds up price times quantity; ok is false on overflow.
func total(items []orderingapi.Item) (sum int64, ok bool) {
	for _, it := range items {
		q := int64(it.Quantity)
		if q <= 0 || it.PriceCents <= 0 || it.PriceCents > math.MaxInt64/q {
			return sum, false
		}
		line := it.PriceCents * q
		if sum > math.MaxInt64-line {
			return sum, false
		}
		sum += line
	}
	return sum, true
}
