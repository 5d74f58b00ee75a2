package steps

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cucumber/godog"

	"github.com/mallbots/mallbots/harness/tap"
	"github.com/mallbots/mallbots/harness/world"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/search/searchapi"
)

const orderStatuses = `(pending|approved|ready|completed|rejected|cancelled)`

func registerSearch(r *registry, x *scenarioSteps) {
	r.add(`^a search for the orders of "([^"]*)" finds (\d+) orders?$`,
		`a search for the orders of "Ada" finds 2 orders`, x.searchByCustomer)
	r.add(`^a search for orders at "([^"]*)" (finds|does not find) the order of "([^"]*)"$`,
		`a search for orders at "Corner Shop" finds the order of "Ada"`, x.searchByStore)
	r.add(`^a search for `+orderStatuses+` orders(?: at "([^"]*)")? (finds|does not find) the order of "([^"]*)"$`,
		`a search for approved orders at "Corner Shop" does not find the order of "Ada"`, x.searchByStatus)
	r.add(`^search shows the order of "([^"]*)" as `+orderStatuses+`$`,
		`search shows the order of "Ada" as ready`, x.searchShowsStatus)
	r.add(`^search shows the order of "([^"]*)" with:$`,
		"search shows the order of \"Ada\" with:\n  | customer | store       | product | quantity |\n  | Ada      | Corner Shop | Hammer  | 2        |",
		x.searchShowsLines)
	r.add(`^I try to search for orders with the status "([^"]*)"$`,
		`I try to search for orders with the status "lost"`, x.trySearchByStatus)
	r.add(`^I try to search for (\d+) orders at once$`, `I try to search for 501 orders at once`, x.trySearchLimit)
}

// searchByCustomer reads search once it has applied the scenario's
// messages: each order arrives there from ordering's events.
func (x *scenarioSteps) searchByCustomer(ctx context.Context, customer string, want int) error {
	return x.withCustomer(customer, func(id string) error {
		return x.s.Read(ctx, 0, searchapi.Context, fmt.Sprintf("search to find %d orders of %s", want, customer),
			func(ctx context.Context) (bool, string, error) {
				list, err := x.s.Client.SearchOrders(ctx, searchapi.OrderQuery{CustomerID: id})
				return len(list.Orders) == want, fmt.Sprintf("%d orders", len(list.Orders)), err
			})
	})
}

func (x *scenarioSteps) searchByStore(ctx context.Context, store, finds, customer string) error {
	return x.withStore(store, func(id string) error {
		return x.searchFinds(ctx, searchapi.OrderQuery{StoreID: id}, "orders at "+store, finds, customer)
	})
}

// searchByStatus searches every order of a status, or only those of a
// store. Orders of other scenarios share the status, so the search asks
// for as many as it may.
func (x *scenarioSteps) searchByStatus(ctx context.Context, status, store, finds, customer string) error {
	q := searchapi.OrderQuery{Status: status, Limit: searchapi.MaxLimit}
	what := status + " orders"
	if store != "" {
		id, err := x.s.Lookup("store", store)
		if err != nil {
			return err
		}
		q.StoreID, what = id, what+" at "+store
	}
	return x.searchFinds(ctx, q, what, finds, customer)
}

// searchFinds checks that the search finds, or does not find, the
// customer's order once search has applied the order's OrderCreated and
// every other message of the scenario so far: search learns of orders and
// their changes from events, so only then does "not found" mean it.
func (x *scenarioSteps) searchFinds(ctx context.Context, q searchapi.OrderQuery, what, finds, customer string) error {
	o, err := x.createdOrder(ctx, customer)
	if err != nil {
		return err
	}
	want := finds == "finds"
	return x.s.Read(ctx, 0, searchapi.Context, fmt.Sprintf("a search for %s that %s the order of %s", what, finds, customer),
		func(ctx context.Context) (bool, string, error) {
			list, err := x.s.Client.SearchOrders(ctx, q)
			found := slices.ContainsFunc(list.Orders, func(s searchapi.Order) bool { return s.OrderID == o.ID })
			return found == want, fmt.Sprintf("%d orders, the order of %s among them: %v", len(list.Orders), customer, found), err
		})
}

// searched checks that search shows the customer's order as check wants
// once search has applied the scenario's messages, or a later one of them.
func (x *scenarioSteps) searched(ctx context.Context, customer, what string,
	check func(searchapi.Order) (bool, string)) error {
	o, err := x.order(ctx, customer)
	if err != nil {
		return err
	}
	return x.s.Read(ctx, 0, searchapi.Context, "search to show the order of "+customer+" "+what,
		func(ctx context.Context) (bool, string, error) {
			list, err := x.s.Client.SearchOrders(ctx, searchapi.OrderQuery{CustomerID: o.CustomerID})
			for _, s := range list.Orders {
				if s.OrderID == o.ID {
					ok, seen := check(s)
					return ok, seen, err
				}
			}
			return false, fmt.Sprintf("the order is not in search (%d other orders of the customer)", len(list.Orders)), err
		})
}

// createdOrder is the customer's order once its OrderCreated is out.
func (x *scenarioSteps) createdOrder(ctx context.Context, customer string) (orderingapi.Order, error) {
	o, err := x.order(ctx, customer)
	if err != nil {
		return o, err
	}
	_, err = x.s.AwaitMessage(ctx, 0, "the OrderCreated of the order of "+customer,
		tap.All(tap.Named(orderingapi.OrderCreated{}.EventName()), tap.Aggregate(o.ID)))
	return o, err
}

func (x *scenarioSteps) searchShowsStatus(ctx context.Context, customer, status string) error {
	return x.searched(ctx, customer, "as "+status, func(s searchapi.Order) (bool, string) {
		return s.Status == status, "status " + s.Status
	})
}

// searchShowsLines checks the order's lines as search shows them, with the
// names it knows now: every row of the table is one line, and there are no
// others. The customer, quantity and price columns are optional.
func (x *scenarioSteps) searchShowsLines(ctx context.Context, customer string, table *godog.Table) error {
	rows, err := rowsOf(table, "store", "product")
	if err != nil {
		return err
	}
	want := make([]string, len(rows))
	for i, row := range rows {
		if want[i], err = x.searchLine(row); err != nil {
			return err
		}
	}
	slices.Sort(want)
	return x.searched(ctx, customer, "with the lines ["+displayed(want)+"]", func(s searchapi.Order) (bool, string) {
		got := make([]string, len(s.Items))
		for i, it := range s.Items {
			got[i] = x.shownLine(rows[0], s.CustomerName, it)
		}
		slices.Sort(got)
		return slices.Equal(got, want), "[" + displayed(got) + "]"
	})
}

// searchLine writes a table row as a line of search, with unique names.
func (x *scenarioSteps) searchLine(row map[string]string) (string, error) {
	parts := []string{}
	if c, ok := row["customer"]; ok {
		parts = append(parts, "customer "+x.s.Unique(c))
	}
	parts = append(parts, "store "+x.s.Unique(row["store"]), "product "+x.s.Unique(row["product"]))
	if q, ok := row["quantity"]; ok {
		parts = append(parts, "quantity "+q)
	}
	if p, ok := row["price"]; ok {
		c, err := cents(p)
		if err != nil {
			return "", err
		}
		parts = append(parts, "price "+amount(c))
	}
	return strings.Join(parts, ", "), nil
}

// shownLine writes a line of search with the columns the table has.
func (x *scenarioSteps) shownLine(columns map[string]string, customerName string, it searchapi.OrderItem) string {
	parts := []string{}
	if _, ok := columns["customer"]; ok {
		parts = append(parts, "customer "+customerName)
	}
	parts = append(parts, "store "+it.StoreName, "product "+it.ProductName)
	if _, ok := columns["quantity"]; ok {
		parts = append(parts, "quantity "+strconv.Itoa(it.Quantity))
	}
	if _, ok := columns["price"]; ok {
		parts = append(parts, "price "+amount(it.PriceCents))
	}
	return strings.Join(parts, ", ")
}

func (x *scenarioSteps) trySearchByStatus(ctx context.Context, status string) error {
	_, err := x.s.Client.SearchOrders(ctx, searchapi.OrderQuery{Status: status})
	x.s.Attempted(err)
	return nil
}

func (x *scenarioSteps) trySearchLimit(ctx context.Context, limit int) error {
	_, err := x.s.Client.SearchOrders(ctx, searchapi.OrderQuery{Limit: limit})
	x.s.Attempted(err)
	return nil
}

// displayed writes lines for people, without the names' unique suffixes.
func displayed(lines []string) string {
	out := make([]string, len(lines))
	for i, l := range lines {
		var parts []string
		for _, p := range strings.Split(l, ", ") {
			parts = append(parts, world.Displayed(p))
		}
		out[i] = strings.Join(parts, ", ")
	}
	return strings.Join(out, "; ")
}
