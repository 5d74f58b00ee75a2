package steps

import (
	"context"
	"fmt"
	"strings"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func registerOrders(r *registry, x *scenarioSteps) {
	r.add(`^the order of "([^"]*)" becomes (pending|approved|ready|completed|rejected|cancelled)(?: within (\d+) seconds)?$`,
		`the order of "Ada" becomes approved within 10 seconds`, x.orderBecomes)
	r.add(`^the order of "([^"]*)" is rejected because "([^"]*)"$`,
		`the order of "Ada" is rejected because "disabled"`, x.orderRejectedBecause)
	r.add(`^"([^"]*)" cancels their order$`, `"Ada" cancels their order`, x.cancelOrder)
	r.add(`^"([^"]*)" tries to cancel their order$`, `"Ada" tries to cancel their order`, x.tryCancelOrder)
	r.add(`^"([^"]*)" cancels their order because "([^"]*)"$`, `"Ada" cancels their order because "found it cheaper"`, x.cancelOrderBecause)
	r.add(`^the order of "([^"]*)" is cancelled because "([^"]*)"$`,
		`the order of "Ada" is cancelled because "found it cheaper"`, x.orderCancelledBecause)
	r.add(`^I try to cancel an order that was never placed$`, `I try to cancel an order that was never placed`, x.tryCancelUnknownOrder)
	r.add(`^the order of "([^"]*)" is for ([\d.]+)$`, `the order of "Ada" is for 33.99`, x.orderTotals)
	r.add(`^"([^"]*)" has (\d+) orders?$`, `"Ada" has 2 orders`, x.customerHasOrders)
	r.add(`^a bot picks up and completes the shopping list of "([^"]*)"$`,
		`a bot picks up and completes the shopping list of "Ada"`, x.botCompletes)
	r.add(`^the shopping list of "([^"]*)" is (pending|available|assigned|completed|cancelled)$`,
		`the shopping list of "Ada" is cancelled`, x.shoppingListIs)
	r.add(`^the shopping list of "([^"]*)" visits "([^"]*)" at "([^"]*)"$`,
		`the shopping list of "Ada" visits "Corner Shop" at "Level 1"`, x.shoppingListVisits)
	r.add(`^"([^"]*)" pays the invoice for their order$`, `"Ada" pays the invoice for their order`, x.payInvoice)
	r.add(`^the invoice of "([^"]*)" is (open|paid|cancelled)$`, `the invoice of "Ada" is paid`, x.invoiceIs)
	r.add(`^the invoice of "([^"]*)" is for ([\d.]+)$`, `the invoice of "Ada" is for 25.00`, x.invoiceAmount)
	r.add(`^the create-order saga of "([^"]*)" (succeeded|failed)$`, `the create-order saga of "Ada" succeeded`, x.sagaEnded)
}

// order finds the order made from the customer's current basket, waiting
// for it to exist. Orders are remembered by basket, so that a customer who
// starts a second basket gets the order of that basket.
func (x *scenarioSteps) order(ctx context.Context, customer string) (orderingapi.Order, error) {
	basketID, err := x.s.Lookup("basket", customer)
	if err != nil {
		return orderingapi.Order{}, err
	}
	if id, err := x.s.Lookup("order", basketID); err == nil {
		return x.s.Client.Order(ctx, id)
	}
	var found orderingapi.Order
	err = x.s.Eventually(ctx, 0, "an order for the basket of "+customer, func(ctx context.Context) (bool, string, error) {
		list, err := x.s.Client.OrdersByBasket(ctx, basketID)
		if err != nil || len(list.Orders) == 0 {
			return false, "no order yet", err
		}
		found = list.Orders[0]
		return true, "", nil
	})
	if err == nil {
		x.s.Remember("order", basketID, found.ID)
	}
	return found, err
}

func (x *scenarioSteps) orderBecomes(ctx context.Context, customer, status, within string) error {
	if _, err := x.order(ctx, customer); err != nil {
		return err
	}
	return x.s.Eventually(ctx, seconds(within), "the order of "+customer+" to be "+status,
		func(ctx context.Context) (bool, string, error) {
			o, err := x.order(ctx, customer)
			return string(o.Status) == status, "status " + string(o.Status) + reason(o.Reason), err
		})
}

func reason(r string) string {
	if r == "" {
		return ""
	}
	return " (" + r + ")"
}

func (x *scenarioSteps) orderRejectedBecause(ctx context.Context, customer, why string) error {
	if err := x.orderBecomes(ctx, customer, string(orderingapi.StatusRejected), ""); err != nil {
		return err
	}
	o, err := x.order(ctx, customer)
	if err != nil {
		return err
	}
	if !strings.Contains(o.Reason, why) {
		return fmt.Errorf("expected the rejection reason to mention %q, got %q", why, o.Reason)
	}
	return nil
}

func (x *scenarioSteps) cancelOrder(ctx context.Context, customer string) error {
	o, err := x.order(ctx, customer)
	if err != nil {
		return err
	}
	_, err = x.s.Client.CancelOrder(ctx, o.ID, orderingapi.CancelOrder{Reason: "changed my mind"})
	return err
}

func (x *scenarioSteps) cancelOrderBecause(ctx context.Context, customer, why string) error {
	o, err := x.order(ctx, customer)
	if err != nil {
		return err
	}
	_, err = x.s.Client.CancelOrder(ctx, o.ID, orderingapi.CancelOrder{Reason: why})
	return err
}

func (x *scenarioSteps) orderCancelledBecause(ctx context.Context, customer, why string) error {
	if err := x.orderBecomes(ctx, customer, string(orderingapi.StatusCanceled), ""); err != nil {
		return err
	}
	o, err := x.order(ctx, customer)
	if err != nil {
		return err
	}
	if o.Reason != why {
		return fmt.Errorf("expected the order to be cancelled because %q, got %q", why, o.Reason)
	}
	return nil
}

func (x *scenarioSteps) tryCancelUnknownOrder(ctx context.Context) error {
	_, err := x.s.Client.CancelOrder(ctx, msg.NewID(), orderingapi.CancelOrder{Reason: "changed my mind"})
	x.s.Attempted(err)
	return nil
}

func (x *scenarioSteps) orderTotals(ctx context.Context, customer, total string) error {
	o, err := x.order(ctx, customer)
	if err != nil {
		return err
	}
	if got := amount(o.TotalCents); got != total {
		return fmt.Errorf("expected the order to be for %s, got %s (items %+v)", total, got, o.Items)
	}
	return nil
}

// customerHasOrders waits for the customer's orders: each checkout reaches
// ordering as an event, so the count grows shortly after the checkouts.
func (x *scenarioSteps) customerHasOrders(ctx context.Context, customer string, want int) error {
	return x.withCustomer(customer, func(id string) error {
		return x.s.Eventually(ctx, 0, fmt.Sprintf("%d orders for %s", want, customer),
			func(ctx context.Context) (bool, string, error) {
				list, err := x.s.Client.OrdersByCustomer(ctx, id)
				return len(list.Orders) == want, fmt.Sprintf("%d orders", len(list.Orders)), err
			})
	})
}

func (x *scenarioSteps) tryCancelOrder(ctx context.Context, customer string) error {
	o, err := x.order(ctx, customer)
	if err != nil {
		return err
	}
	_, err = x.s.Client.CancelOrder(ctx, o.ID, orderingapi.CancelOrder{Reason: "changed my mind"})
	x.s.Attempted(err)
	return nil
}

// shoppingList waits for the list of the customer's order to exist.
func (x *scenarioSteps) shoppingList(ctx context.Context, customer string) (depotapi.ShoppingList, error) {
	o, err := x.order(ctx, customer)
	if err != nil {
		return depotapi.ShoppingList{}, err
	}
	var list depotapi.ShoppingList
	err = x.s.Eventually(ctx, 0, "a shopping list for the order of "+customer, func(ctx context.Context) (bool, string, error) {
		lists, err := x.s.Client.ShoppingLists(ctx, depotapi.ShoppingListFilter{OrderID: o.ID})
		if err != nil || len(lists.ShoppingLists) == 0 {
			return false, "no shopping list yet", err
		}
		list = lists.ShoppingLists[0]
		return true, "", nil
	})
	return list, err
}

func (x *scenarioSteps) botCompletes(ctx context.Context, customer string) error {
	// The saga makes the list available (InitiateShopping) asynchronously;
	// a bot can only take it from then on.
	if err := x.shoppingListIs(ctx, customer, string(depotapi.StatusAvailable)); err != nil {
		return err
	}
	list, err := x.shoppingList(ctx, customer)
	if err != nil {
		return err
	}
	bot, err := x.s.Client.RegisterBot(ctx, depotapi.RegisterBot{Name: x.s.Unique("bot")})
	if err != nil {
		return err
	}
	in := depotapi.AssignList{BotID: bot.ID}
	if _, err := x.s.Client.AssignList(ctx, list.ID, in); err != nil {
		return fmt.Errorf("assign the list: %w", err)
	}
	_, err = x.s.Client.CompleteList(ctx, list.ID, in)
	return err
}

func (x *scenarioSteps) shoppingListIs(ctx context.Context, customer, status string) error {
	list, err := x.shoppingList(ctx, customer)
	if err != nil {
		return err
	}
	return x.s.Eventually(ctx, 0, "the shopping list to be "+status, func(ctx context.Context) (bool, string, error) {
		l, err := x.s.Client.ShoppingList(ctx, list.ID)
		return string(l.Status) == status, "status " + string(l.Status), err
	})
}

func (x *scenarioSteps) shoppingListVisits(ctx context.Context, customer, store, location string) error {
	list, err := x.shoppingList(ctx, customer)
	if err != nil {
		return err
	}
	for _, stop := range list.Stops {
		if stop.StoreName == x.s.Unique(store) {
			if stop.StoreLocation != location {
				return fmt.Errorf("expected %s at %s, the list says %s", store, location, stop.StoreLocation)
			}
			return nil
		}
	}
	return fmt.Errorf("the shopping list does not visit %s: %+v", store, list.Stops)
}
