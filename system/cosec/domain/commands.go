package domain

import (
	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
)

// Command is a command the saga sends for one of its steps. Its message
// name is the step's name.
type Command struct {
	Step    string
	Context string
	Payload any
}

// command builds the command of step from the saga's order.
func (s *Saga) command(step string) Command {
	o := s.Work.Order
	c := Command{Step: step}
	switch step {
	case cosecapi.StepAuthorizeCustomer:
		c.Context, c.Payload = customersapi.Context, customersapi.AuthorizeCustomer{CustomerID: o.CustomerID}
	case cosecapi.StepCreateShoppingList:
		c.Context, c.Payload = depotapi.Context, depotapi.CreateShoppingList{OrderID: o.ID, Items: listItems(o.Items)}
	case cosecapi.StepConfirmPayment:
		c.Context, c.Payload = paymentsapi.Context, paymentsapi.ConfirmPayment{
			PaymentID: o.PaymentID, CustomerID: o.CustomerID, OrderID: o.ID, AmountCents: o.TotalCents}
	case cosecapi.StepInitiateShopping:
		c.Context, c.Payload = depotapi.Context, depotapi.InitiateShopping{OrderID: o.ID}
	case cosecapi.StepApproveOrder:
		c.Context, c.Payload = orderingapi.Context, orderingapi.ApproveOrder{
			OrderID: o.ID, ShoppingListID: s.State.ShoppingListID}
	case cosecapi.StepCancelShoppingList:
		c.Context, c.Payload = depotapi.Context, depotapi.CancelShoppingList{OrderID: o.ID}
	case cosecapi.StepRejectOrder:
		c.Context, c.Payload = orderingapi.Context, orderingapi.RejectOrder{
			OrderID: o.ID, Reason: s.State.FailureReason}
	}
	return c
}

// listItems turns order lines into the lines of a shopping list.
func listItems(items []orderingapi.Item) []depotapi.OrderItem {
	out := make([]depotapi.OrderItem, 0, len(items))
	for _, it := range items {
		out = append(out, depotapi.OrderItem{ProductID: it.ProductID, ProductName: it.ProductName,
			StoreID: it.StoreID, Quantity: it.Quantity})
	}
	return out
}
