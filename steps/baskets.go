package steps

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/mallbots/mallbots/harness/tap"
	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

func registerBaskets(r *registry, x *scenarioSteps) {
	r.add(`^"([^"]*)" starts a basket$`, `"Ada" starts a basket`, x.startBasket)
	r.add(`^I try to start a basket for a customer who was never registered$`,
		`I try to start a basket for a customer who was never registered`, x.tryStartBasketUnknownCustomer)
	r.add(`^"([^"]*)" adds (\d+) "([^"]*)" to their basket$`, `"Ada" adds 2 "Hammer" to their basket`, x.addToBasket)
	r.add(`^"([^"]*)" tries to add (-?\d+) "([^"]*)" to their basket$`, `"Ada" tries to add 0 "Hammer" to their basket`, x.tryAddToBasket)
	r.add(`^"([^"]*)" removes "([^"]*)" from their basket$`, `"Ada" removes "Hammer" from their basket`, x.removeFromBasket)
	r.add(`^"([^"]*)" cancels their basket$`, `"Ada" cancels their basket`, x.cancelBasket)
	r.add(`^"([^"]*)" checks out$`, `"Ada" checks out`, x.checkout)
	r.add(`^"([^"]*)" checks out having authorized only ([\d.]+)$`, `"Ada" checks out having authorized only 1.00`, x.checkoutUnderpaid)
	r.add(`^"([^"]*)" tries to check out$`, `"Ada" tries to check out`, x.tryCheckout)
	r.add(`^the basket of "([^"]*)" holds (\d+) "([^"]*)" at ([\d.]+)$`, `the basket of "Ada" holds 2 "Hammer" at 12.50`, x.basketHolds)
	r.add(`^the basket of "([^"]*)" totals ([\d.]+)$`, `the basket of "Ada" totals 25.00`, x.basketTotals)
	r.add(`^the basket of "([^"]*)" is (open|canceled|checked_out)$`, `the basket of "Ada" is canceled`, x.basketIs)
	r.add(`^"([^"]*)" tries to remove "([^"]*)" from their basket$`, `"Ada" tries to remove "Nails" from their basket`, x.tryRemoveFromBasket)
	r.add(`^"([^"]*)" tries to add a product no store sells to their basket$`,
		`"Ada" tries to add a product no store sells to their basket`, x.tryAddUnknownProduct)
	r.add(`^"([^"]*)" can no longer add "([^"]*)" to their basket$`, `"Ada" can no longer add "Hammer" to their basket`, x.cannotAdd)
	r.add(`^the basket of "([^"]*)" does not hold "([^"]*)"$`, `the basket of "Ada" does not hold "Hammer"`, x.basketLacks)
}

func (x *scenarioSteps) startBasket(ctx context.Context, customer string) error {
	return x.withCustomer(customer, func(id string) error {
		b, err := x.s.Client.StartBasket(ctx, basketsapi.StartBasket{CustomerID: id})
		x.s.Remember("basket", customer, b.ID)
		return err
	})
}

func (x *scenarioSteps) tryStartBasketUnknownCustomer(ctx context.Context) error {
	_, err := x.s.Client.StartBasket(ctx, basketsapi.StartBasket{CustomerID: msg.NewID()})
	x.s.Attempted(err)
	return nil
}

func (x *scenarioSteps) addToBasket(ctx context.Context, customer, qty, product string) error {
	_, err := x.addItem(ctx, customer, qty, product)
	return err
}

func (x *scenarioSteps) tryAddToBasket(ctx context.Context, customer, qty, product string) error {
	_, err := x.addItem(ctx, customer, qty, product)
	x.s.Attempted(err)
	return nil
}

func (x *scenarioSteps) addItem(ctx context.Context, customer, qty, product string) (basketsapi.Basket, error) {
	n, err := strconv.Atoi(qty)
	if err != nil {
		return basketsapi.Basket{}, err
	}
	basketID, err := x.s.Lookup("basket", customer)
	if err != nil {
		return basketsapi.Basket{}, err
	}
	productID, err := x.s.Lookup("product", product)
	if err != nil {
		return basketsapi.Basket{}, err
	}
	// An item carries the name and price baskets' copy of the catalogue
	// holds, so the copy first takes in the stores events the scenario has
	// caused (a rebrand, a new price: their steps await the event).
	if err := x.s.AwaitCaughtUp(ctx, 0, basketsapi.Context); err != nil {
		return basketsapi.Basket{}, fmt.Errorf("before adding %s: %w", product, err)
	}
	return x.s.Client.AddItem(ctx, basketID, basketsapi.AddItem{ProductID: productID, Quantity: n})
}

func (x *scenarioSteps) removeFromBasket(ctx context.Context, customer, product string) error {
	return x.withBasket(customer, func(id string) error {
		productID, err := x.s.Lookup("product", product)
		if err != nil {
			return err
		}
		_, err = x.s.Client.RemoveItem(ctx, id, productID)
		return err
	})
}

func (x *scenarioSteps) cancelBasket(ctx context.Context, customer string) error {
	return x.withBasket(customer, func(id string) error {
		_, err := x.s.Client.CancelBasket(ctx, id)
		return err
	})
}

// checkout authorizes the basket's total, then checks out with that payment.
func (x *scenarioSteps) checkout(ctx context.Context, customer string) error {
	return x.payAndCheckout(ctx, customer, -1)
}

func (x *scenarioSteps) checkoutUnderpaid(ctx context.Context, customer, authorized string) error {
	c, err := cents(authorized)
	if err != nil {
		return err
	}
	return x.payAndCheckout(ctx, customer, c)
}

func (x *scenarioSteps) tryCheckout(ctx context.Context, customer string) error {
	x.s.Attempted(x.payAndCheckout(ctx, customer, -1))
	return nil
}

func (x *scenarioSteps) payAndCheckout(ctx context.Context, customer string, authorize int64) error {
	return x.withBasket(customer, func(id string) error {
		b, err := x.s.Client.Basket(ctx, id)
		if err != nil {
			return err
		}
		if authorize < 0 {
			authorize = b.TotalCents
		}
		if authorize <= 0 {
			authorize = 1
		}
		p, err := x.s.Client.AuthorizePayment(ctx, paymentsapi.AuthorizePayment{CustomerID: b.CustomerID, AmountCents: authorize})
		if err != nil {
			return err
		}
		_, err = x.s.Client.CheckoutBasket(ctx, id, basketsapi.Checkout{PaymentID: p.ID})
		return err
	})
}

func (x *scenarioSteps) basketHolds(ctx context.Context, customer, qty, product, price string) error {
	want, err := cents(price)
	if err != nil {
		return err
	}
	return x.withBasket(customer, func(id string) error {
		b, err := x.s.Client.Basket(ctx, id)
		if err != nil {
			return err
		}
		for _, it := range b.Items {
			if it.ProductName == x.s.Unique(product) {
				if strconv.Itoa(it.Quantity) != qty || it.PriceCents != want {
					return fmt.Errorf("expected %s %s at %s, got %d at %s", qty, product, price, it.Quantity, amount(it.PriceCents))
				}
				return nil
			}
		}
		return fmt.Errorf("expected %s in the basket, it holds %+v", product, b.Items)
	})
}

func (x *scenarioSteps) basketTotals(ctx context.Context, customer, total string) error {
	return x.withBasket(customer, func(id string) error {
		b, err := x.s.Client.Basket(ctx, id)
		if err != nil {
			return err
		}
		if got := amount(b.TotalCents); got != total {
			return fmt.Errorf("expected the basket to total %s, got %s", total, got)
		}
		return nil
	})
}

func (x *scenarioSteps) basketIs(ctx context.Context, customer, status string) error {
	return x.withBasket(customer, func(id string) error {
		b, err := x.s.Client.Basket(ctx, id)
		if err != nil {
			return err
		}
		if string(b.Status) != status {
			return fmt.Errorf("expected the basket to be %s, got %s", status, b.Status)
		}
		return nil
	})
}

func (x *scenarioSteps) withBasket(customer string, fn func(id string) error) error {
	id, err := x.s.Lookup("basket", customer)
	if err != nil {
		return err
	}
	return fn(id)
}

func (x *scenarioSteps) tryRemoveFromBasket(ctx context.Context, customer, product string) error {
	x.s.Attempted(x.removeFromBasket(ctx, customer, product))
	return nil
}

func (x *scenarioSteps) tryAddUnknownProduct(ctx context.Context, customer string) error {
	return x.withBasket(customer, func(id string) error {
		_, err := x.s.Client.AddItem(ctx, id, basketsapi.AddItem{ProductID: msg.NewID(), Quantity: 1})
		x.s.Attempted(err)
		return nil
	})
}

// cannotAdd checks that baskets refuses the product as a conflict once it
// knows the product is off sale. Baskets learns that a product was removed
// or that its store left the mall from that stores event; until its
// product cache has applied it (and every earlier one of the scenario), it
// may still sell the product. So the step awaits that event, then its
// application by baskets, and tries once.
func (x *scenarioSteps) cannotAdd(ctx context.Context, customer, product string) error {
	if err := x.basketLacks(ctx, customer, product); err != nil {
		return fmt.Errorf("the step needs a basket without %s: %w", product, err)
	}
	off, err := x.offSaleInBaskets(ctx, product)
	if err != nil {
		return err
	}
	_, err = x.addItem(ctx, customer, "1", product)
	x.s.Attempted(err)
	if client.StatusOf(err) != http.StatusConflict {
		return fmt.Errorf("expected adding %s to be refused as a conflict once baskets had applied %s, got: %v",
			product, off.Name(), orAccepted(err))
	}
	return nil
}

// offSaleInBaskets awaits the stores event that takes product off sale,
// then its application by baskets' product cache.
func (x *scenarioSteps) offSaleInBaskets(ctx context.Context, product string) (tap.Record, error) {
	productID, err := x.s.Lookup("product", product)
	if err != nil {
		return tap.Record{}, err
	}
	offSale, err := x.offSale(ctx, productID)
	if err != nil {
		return tap.Record{}, err
	}
	off, err := x.s.AwaitMessage(ctx, 0, "a stores event taking "+product+" off sale", offSale)
	if err != nil {
		return off, err
	}
	return off, x.s.AwaitApplied(ctx, 0, basketsapi.Context, off)
}

// offSale matches the stores event that takes the product off sale: its
// removal, or its store leaving the mall.
func (x *scenarioSteps) offSale(ctx context.Context, productID string) (tap.Matcher, error) {
	p, err := x.s.Client.Product(ctx, productID)
	if err != nil {
		return nil, err
	}
	return func(r tap.Record) bool {
		return r.Name() == storesapi.ProductRemoved{}.EventName() && r.Envelope.AggregateID == productID ||
			r.Name() == storesapi.StoreParticipationDisabled{}.EventName() && r.Envelope.AggregateID == p.StoreID
	}, nil
}

// orAccepted is err, or "accepted" when there was none.
func orAccepted(err error) any {
	if err == nil {
		return "accepted"
	}
	return err
}

func (x *scenarioSteps) basketLacks(ctx context.Context, customer, product string) error {
	return x.withBasket(customer, func(id string) error {
		b, err := x.s.Client.Basket(ctx, id)
		if err != nil {
			return err
		}
		for _, it := range b.Items {
			if it.ProductName == x.s.Unique(product) {
				return fmt.Errorf("expected no %s in the basket, it holds %d", product, it.Quantity)
			}
		}
		return nil
	})
}
