//go:build pact

package provider

// The mall's order flows: each drives real data through the typed client
// and waits, with a deadline, for the saga and the read models to follow.

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// customer registers a customer with a unique name.
func (m *mall) customer() (customersapi.Customer, error) {
	return m.c.RegisterCustomer(ctx(), customersapi.RegisterCustomer{
		Name: "Ada " + uuid.NewString()[:8], SmsNumber: "+14155550123"})
}

// product creates a participating store with one product of 2.50.
func (m *mall) product() (storesapi.Product, error) {
	st, err := m.c.CreateStore(ctx(), storesapi.CreateStore{Name: "Corner Shop " + uuid.NewString()[:8], Location: "Level 1"})
	if err != nil {
		return storesapi.Product{}, err
	}
	if _, err := m.c.EnableParticipation(ctx(), st.ID); err != nil {
		return storesapi.Product{}, err
	}
	return m.c.AddProduct(ctx(), st.ID, storesapi.AddProduct{Name: "Pencil", Description: "HB",
		SKU: "PEN-" + uuid.NewString()[:8], PriceCents: 250})
}

// checkout has customer check out a basket of two of a new product (5.00
// in all), paid by a new payment authorized for authorizedCents, and
// returns the order ordering made of it.
func (m *mall) checkout(customerID string, authorizedCents int64) (orderingapi.Order, error) {
	p, err := m.product()
	if err != nil {
		return orderingapi.Order{}, err
	}
	b, err := m.c.StartBasket(ctx(), basketsapi.StartBasket{CustomerID: customerID})
	if err != nil {
		return orderingapi.Order{}, err
	}
	if _, err := m.c.AddItem(ctx(), b.ID, basketsapi.AddItem{ProductID: p.ID, Quantity: 2}); err != nil {
		return orderingapi.Order{}, err
	}
	pay, err := m.c.AuthorizePayment(ctx(), paymentsapi.AuthorizePayment{CustomerID: customerID, AmountCents: authorizedCents})
	if err != nil {
		return orderingapi.Order{}, err
	}
	if _, err := m.c.CheckoutBasket(ctx(), b.ID, basketsapi.Checkout{PaymentID: pay.ID}); err != nil {
		return orderingapi.Order{}, err
	}
	var o orderingapi.Order
	return o, until("an order of basket "+b.ID, func(ctx context.Context) (bool, string, error) {
		list, err := m.c.OrdersByBasket(ctx, b.ID)
		if err != nil || len(list.Orders) == 0 {
			return false, "no order", err
		}
		o = list.Orders[0]
		return true, "", nil
	})
}

// order places an order for a new customer.
func (m *mall) order() (orderingapi.Order, error) {
	cu, err := m.customer()
	if err != nil {
		return orderingapi.Order{}, err
	}
	return m.checkout(cu.ID, 500)
}

// orderBecomes waits until the order has status.
func (m *mall) orderBecomes(id string, status orderingapi.Status) (orderingapi.Order, error) {
	var o orderingapi.Order
	return o, until(fmt.Sprintf("order %s %s", id, status), func(ctx context.Context) (bool, string, error) {
		var err error
		o, err = m.c.Order(ctx, id)
		return o.Status == status, string(o.Status) + " " + o.Reason, err
	})
}

// approvedOrder places an order and waits until the saga approved it.
func (m *mall) approvedOrder() (orderingapi.Order, error) {
	o, err := m.order()
	if err != nil {
		return o, err
	}
	return m.orderBecomes(o.ID, orderingapi.StatusApproved)
}

// completeList has a new bot take and complete the order's shopping list,
// which makes the order ready.
func (m *mall) completeList(o orderingapi.Order) error {
	var list depotapi.ShoppingList
	err := until("an available shopping list of order "+o.ID, func(ctx context.Context) (bool, string, error) {
		lists, err := m.c.ShoppingLists(ctx, depotapi.ShoppingListFilter{OrderID: o.ID, Status: depotapi.StatusAvailable})
		if err != nil || len(lists.ShoppingLists) == 0 {
			return false, "none available", err
		}
		list = lists.ShoppingLists[0]
		return true, "", nil
	})
	if err != nil {
		return err
	}
	bot, err := m.c.RegisterBot(ctx(), depotapi.RegisterBot{Name: "Robbie " + uuid.NewString()[:8]})
	if err != nil {
		return err
	}
	if _, err := m.c.AssignList(ctx(), list.ID, depotapi.AssignList{BotID: bot.ID}); err != nil {
		return err
	}
	_, err = m.c.CompleteList(ctx(), list.ID, depotapi.AssignList{BotID: bot.ID})
	return err
}

// readyOrder places an order, has its list completed and waits until it
// is ready.
func (m *mall) readyOrder() (orderingapi.Order, error) {
	o, err := m.approvedOrder()
	if err != nil {
		return o, err
	}
	if err := m.completeList(o); err != nil {
		return o, err
	}
	return m.orderBecomes(o.ID, orderingapi.StatusReady)
}

// completedOrder places an order, makes it ready and pays its invoice.
func (m *mall) completedOrder() (orderingapi.Order, error) {
	o, err := m.readyOrder()
	if err != nil {
		return o, err
	}
	var inv paymentsapi.Invoice
	err = until("an invoice of order "+o.ID, func(ctx context.Context) (bool, string, error) {
		list, err := m.c.InvoicesByOrder(ctx, o.ID)
		if err != nil || len(list.Invoices) == 0 {
			return false, "no invoice", err
		}
		inv = list.Invoices[0]
		return true, "", nil
	})
	if err != nil {
		return o, err
	}
	if _, err := m.c.PayInvoice(ctx(), inv.ID); err != nil {
		return o, err
	}
	return m.orderBecomes(o.ID, orderingapi.StatusCompleted)
}

// rejectedOrder places an order for a disabled customer, which the saga
// rejects (AuthorizeCustomer fails).
func (m *mall) rejectedOrder() (orderingapi.Order, error) {
	cu, err := m.customer()
	if err != nil {
		return orderingapi.Order{}, err
	}
	if _, err := m.c.DisableCustomer(ctx(), cu.ID); err != nil {
		return orderingapi.Order{}, err
	}
	o, err := m.checkout(cu.ID, 500)
	if err != nil {
		return o, err
	}
	return m.orderBecomes(o.ID, orderingapi.StatusRejected)
}

// underpaidOrder places an order whose payment was authorized for less
// than its total: ConfirmPayment fails after the shopping list was made,
// so the saga cancels the list (CancelShoppingList), then rejects it.
func (m *mall) underpaidOrder() (orderingapi.Order, error) {
	cu, err := m.customer()
	if err != nil {
		return orderingapi.Order{}, err
	}
	o, err := m.checkout(cu.ID, 300)
	if err != nil {
		return o, err
	}
	return m.orderBecomes(o.ID, orderingapi.StatusRejected)
}

// cancelledOrder places an order, waits until it is approved and has the
// customer cancel it.
func (m *mall) cancelledOrder() (orderingapi.Order, error) {
	o, err := m.approvedOrder()
	if err != nil {
		return o, err
	}
	if _, err := m.c.CancelOrder(ctx(), o.ID, orderingapi.CancelOrder{Reason: "found it cheaper"}); err != nil {
		return o, err
	}
	return m.orderBecomes(o.ID, orderingapi.StatusCanceled)
}
