//go:build pact

package provider

import (
	"github.com/google/uuid"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// The cheap data of the typed client's provider states, each made anew
// through the typed client for the interaction that asks for it.

// sdkUnique makes a name no other state uses.
func sdkUnique(prefix string) string { return prefix + " " + uuid.NewString()[:8] }

func (m *mall) sdkStore(participating bool) (sdkParams, error) {
	st, err := m.c.CreateStore(ctx(), storesapi.CreateStore{Name: sdkUnique("Corner Shop"), Location: "Level 1"})
	if err == nil && participating {
		st, err = m.c.EnableParticipation(ctx(), st.ID)
	}
	return sdkParams{"storeId": st.ID}, err
}

// sdkProduct is a product of 2.50 in a new store (that need not
// participate to have a catalogue).
func (m *mall) sdkProduct() (sdkParams, error) {
	st, err := m.c.CreateStore(ctx(), storesapi.CreateStore{Name: sdkUnique("Corner Shop"), Location: "Level 1"})
	if err != nil {
		return nil, err
	}
	p, err := m.c.AddProduct(ctx(), st.ID, storesapi.AddProduct{Name: "Pencil", Description: "HB, sharpened",
		SKU: sdkUnique("PEN"), PriceCents: 250})
	return sdkParams{"productId": p.ID, "storeId": st.ID}, err
}

func (m *mall) sdkRemovedProduct() (sdkParams, error) {
	p, err := m.sdkProduct()
	if err == nil {
		_, err = m.c.RemoveProduct(ctx(), p["productId"].(string))
	}
	return p, err
}

func (m *mall) sdkCustomer(disabled bool) (sdkParams, error) {
	cu, err := m.customer()
	if err == nil && disabled {
		_, err = m.c.DisableCustomer(ctx(), cu.ID)
	}
	return sdkParams{"customerId": cu.ID}, err
}

func (m *mall) sdkBasket() (sdkParams, error) {
	cu, err := m.customer()
	if err != nil {
		return nil, err
	}
	b, err := m.c.StartBasket(ctx(), basketsapi.StartBasket{CustomerID: cu.ID})
	return sdkParams{"basketId": b.ID, "customerId": cu.ID}, err
}

func (m *mall) sdkBasketAndProduct() (sdkParams, error) {
	p, err := m.sdkBasket()
	if err != nil {
		return nil, err
	}
	pr, err := m.product()
	p["productId"] = pr.ID
	return p, err
}

// sdkBasketWithItem is a basket holding two of a product (5.00) and a
// payment authorized for it.
func (m *mall) sdkBasketWithItem() (sdkParams, error) {
	p, err := m.sdkBasketAndProduct()
	if err != nil {
		return nil, err
	}
	id := p["basketId"].(string)
	if _, err := m.c.AddItem(ctx(), id, basketsapi.AddItem{ProductID: p["productId"].(string), Quantity: 2}); err != nil {
		return nil, err
	}
	pay, err := m.c.AuthorizePayment(ctx(), paymentsapi.AuthorizePayment{CustomerID: p["customerId"].(string), AmountCents: 500})
	p["paymentId"] = pay.ID
	return p, err
}

func (m *mall) sdkCancelledBasket() (sdkParams, error) {
	p, err := m.sdkBasket()
	if err == nil {
		_, err = m.c.CancelBasket(ctx(), p["basketId"].(string))
	}
	return p, err
}

func (m *mall) sdkPayment() (sdkParams, error) {
	cu, err := m.customer()
	if err != nil {
		return nil, err
	}
	pay, err := m.c.AuthorizePayment(ctx(), paymentsapi.AuthorizePayment{CustomerID: cu.ID, AmountCents: 500})
	return sdkParams{"paymentId": pay.ID, "customerId": cu.ID}, err
}

func (m *mall) sdkBot() (sdkParams, error) {
	b, err := m.c.RegisterBot(ctx(), depotapi.RegisterBot{Name: sdkUnique("Robbie")})
	return sdkParams{"botId": b.ID}, err
}

// sdkWithBot adds a newly registered bot to the ids p of a state.
func (m *mall) sdkWithBot(p sdkParams, err error) (sdkParams, error) {
	if err != nil {
		return nil, err
	}
	b, err := m.sdkBot()
	p["botId"] = b["botId"]
	return p, err
}
