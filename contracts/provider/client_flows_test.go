//go:build pact

package provider

import (
	"context"
	"fmt"
	"net/http"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/search/searchapi"
)

// sdkCompleted is the shared completed order with the ids of everything
// around it, once the read models that lag it (notifications, search)
// show it too.
func (m *mall) sdkCompleted() (sdkParams, error) {
	o, err := m.shared("completed", m.completedOrder)
	if err != nil {
		return nil, err
	}
	inv, err := m.sdkInvoiceOf(o.ID)
	if err != nil {
		return nil, err
	}
	if err := m.sdkReadModels(o); err != nil {
		return nil, err
	}
	return sdkParams{"orderId": o.ID, "basketId": o.BasketID, "customerId": o.CustomerID, "paymentId": o.PaymentID,
		"invoiceId": inv.ID, "shoppingListId": o.ShoppingListID}, nil
}

// sdkReadModels waits until notifications lists an SMS about o and search
// finds o by its customer.
func (m *mall) sdkReadModels(o orderingapi.Order) error {
	err := until("a notification of order "+o.ID, func(ctx context.Context) (bool, string, error) {
		list, err := m.c.Notifications(ctx, o.CustomerID, o.ID)
		return len(list.Notifications) > 0, "none", err
	})
	if err != nil {
		return err
	}
	return until("order "+o.ID+" in search", func(ctx context.Context) (bool, string, error) {
		list, err := m.c.SearchOrders(ctx, searchapi.OrderQuery{CustomerID: o.CustomerID})
		return len(list.Orders) > 0, "not found", err
	})
}

// sdkInvoiceOf waits for the invoice of a ready order.
func (m *mall) sdkInvoiceOf(orderID string) (paymentsapi.Invoice, error) {
	var inv paymentsapi.Invoice
	return inv, until("an invoice of order "+orderID, func(ctx context.Context) (bool, string, error) {
		list, err := m.c.InvoicesByOrder(ctx, orderID)
		if err != nil || len(list.Invoices) == 0 {
			return false, "no invoice", err
		}
		inv = list.Invoices[0]
		return true, "", nil
	})
}

// sdkAvailable waits until the shopping list of order is available to bots.
func (m *mall) sdkAvailable(orderID string) (depotapi.ShoppingList, error) {
	var list depotapi.ShoppingList
	return list, until("an available shopping list of order "+orderID, func(ctx context.Context) (bool, string, error) {
		lists, err := m.c.ShoppingLists(ctx, depotapi.ShoppingListFilter{OrderID: orderID, Status: depotapi.StatusAvailable})
		if err != nil || len(lists.ShoppingLists) == 0 {
			return false, "none available", err
		}
		list = lists.ShoppingLists[0]
		return true, "", nil
	})
}

// sdkAvailableList is the available shopping list of a new approved order.
func (m *mall) sdkAvailableList() (sdkParams, error) {
	o, err := m.approvedOrder()
	if err != nil {
		return nil, err
	}
	list, err := m.sdkAvailable(o.ID)
	return sdkParams{"orderId": o.ID, "shoppingListId": list.ID}, err
}

// sdkAssignedList is the shopping list of a new approved order that a new
// bot took.
func (m *mall) sdkAssignedList() (sdkParams, error) {
	p, err := m.sdkWithBot(m.sdkAvailableList())
	if err != nil {
		return nil, err
	}
	_, err = m.c.AssignList(ctx(), p["shoppingListId"].(string), depotapi.AssignList{BotID: p["botId"].(string)})
	return p, err
}

// sdkStill answers the ids of flow l when check holds for them (check may
// move the order on, and add ids), else those of a fresh flow.
func (m *mall) sdkStill(l *sdkLater, check func(sdkParams) (bool, error), fresh func() (sdkParams, error)) (sdkParams, error) {
	p, err := l.get()
	if err != nil {
		return nil, err
	}
	if ok, err := check(p); err != nil || ok {
		return p, err
	}
	if p, err = fresh(); err != nil {
		return nil, err
	}
	ok, err := check(p)
	if err == nil && !ok {
		err = fmt.Errorf("a new order is not in the state either: %v", p)
	}
	return p, err
}

// sdkApproved checks that the order is still approved.
func (m *mall) sdkApproved(p sdkParams) (bool, error) {
	o, err := m.c.Order(ctx(), p["orderId"].(string))
	return o.Status == orderingapi.StatusApproved, err
}

// sdkListIs checks the status of the shopping list.
func (m *mall) sdkListIs(status depotapi.Status) func(sdkParams) (bool, error) {
	return func(p sdkParams) (bool, error) {
		l, err := m.c.ShoppingList(ctx(), p["shoppingListId"].(string))
		return l.Status == status, err
	}
}

// sdkInvoiceOpens has the bot complete its list (again: the same bot
// completing it twice changes nothing), waits for the invoice of the
// order, ready now, and checks that it is open.
func (m *mall) sdkInvoiceOpens(p sdkParams) (bool, error) {
	_, err := m.c.CompleteList(ctx(), p["shoppingListId"].(string), depotapi.AssignList{BotID: p["botId"].(string)})
	if client.StatusOf(err) == http.StatusConflict {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	inv, err := m.sdkInvoiceOf(p["orderId"].(string))
	p["invoiceId"] = inv.ID
	return inv.Status == paymentsapi.InvoiceStatusOpen, err
}
