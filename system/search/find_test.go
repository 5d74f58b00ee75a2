package search_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/search/searchapi"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// TestOrderIsFoundByCustomerStoreStatusAndTime publishes two customers, two
// stores with a product each, and two orders, then finds each order by every
// filter, with the customer's and the stores' and products' names.
func TestOrderIsFoundByCustomerStoreStatusAndTime(t *testing.T) {
	t.Parallel()
	env, c := startSearch(t)
	ctx := testContext(t)
	m := newMall(t, ctx, env)
	ann := customersapi.Customer{ID: msg.NewID(), Name: "Ann", SmsNumber: "+14155550123", Enabled: true}
	bob := customersapi.Customer{ID: msg.NewID(), Name: "Bob", SmsNumber: "+14155550124", Enabled: true}
	lights := storesapi.Store{ID: msg.NewID(), Name: "Lights", Location: "Level 1", Participating: true}
	tools := storesapi.Store{ID: msg.NewID(), Name: "Tools", Location: "Level 2", Participating: true}
	lamp := storesapi.Product{ID: msg.NewID(), StoreID: lights.ID, Name: "Lamp", SKU: "L-1", PriceCents: 500}
	saw := storesapi.Product{ID: msg.NewID(), StoreID: tools.ID, Name: "Saw", SKU: "S-1", PriceCents: 2000}
	m.customer(1, customersapi.CustomerRegistered{Customer: ann})
	m.customer(1, customersapi.CustomerRegistered{Customer: bob})
	m.store(1, storesapi.StoreCreated{Store: lights})
	m.store(1, storesapi.StoreCreated{Store: tools})
	m.product(1, storesapi.ProductAdded{Product: lamp})
	m.product(1, storesapi.ProductAdded{Product: saw})

	at := time.Date(2031, 3, 14, 9, 26, 53, 589793000, time.UTC)
	annOrder := newOrder(ann.ID, line(lamp, lights, 2), line(saw, tools, 1))
	bobOrder := newOrder(bob.ID, line(saw, tools, 3))
	m.order(1, orderingapi.OrderCreated{Order: annOrder}, msg.WithClock(at))
	m.order(1, orderingapi.OrderCreated{Order: bobOrder}, msg.WithClock(at.Add(time.Hour)))
	m.order(2, orderingapi.OrderApproved{Order: in(bobOrder, orderingapi.StatusApproved)},
		msg.WithClock(at.Add(2*time.Hour)))

	wantAnn := searchapi.Order{OrderID: annOrder.ID, CustomerID: ann.ID, CustomerName: "Ann", Status: "pending",
		TotalCents: 3000, CreatedAt: at, UpdatedAt: at, Items: []searchapi.OrderItem{
			{ProductID: lamp.ID, ProductName: "Lamp", StoreID: lights.ID, StoreName: "Lights", PriceCents: 500, Quantity: 2},
			{ProductID: saw.ID, ProductName: "Saw", StoreID: tools.ID, StoreName: "Tools", PriceCents: 2000, Quantity: 1},
		}}
	wantBob := searchapi.Order{OrderID: bobOrder.ID, CustomerID: bob.ID, CustomerName: "Bob", Status: "approved",
		TotalCents: 6000, CreatedAt: at.Add(time.Hour), UpdatedAt: at.Add(2 * time.Hour), Items: []searchapi.OrderItem{
			{ProductID: saw.ID, ProductName: "Saw", StoreID: tools.ID, StoreName: "Tools", PriceCents: 2000, Quantity: 3},
		}}

	cases := []struct {
		name string
		q    searchapi.OrderQuery
		want []searchapi.Order
	}{
		{"by customer", searchapi.OrderQuery{CustomerID: ann.ID}, []searchapi.Order{wantAnn}},
		{"by the other customer", searchapi.OrderQuery{CustomerID: bob.ID}, []searchapi.Order{wantBob}},
		{"by a store of one order", searchapi.OrderQuery{StoreID: lights.ID}, []searchapi.Order{wantAnn}},
		{"by a store of both, newest first", searchapi.OrderQuery{StoreID: tools.ID}, []searchapi.Order{wantBob, wantAnn}},
		{"by status pending", searchapi.OrderQuery{Status: "pending"}, []searchapi.Order{wantAnn}},
		{"by status approved", searchapi.OrderQuery{Status: "approved"}, []searchapi.Order{wantBob}},
		{"by status with no order", searchapi.OrderQuery{Status: "completed"}, []searchapi.Order{}},
		{"from after the first", searchapi.OrderQuery{From: at.Add(time.Minute)}, []searchapi.Order{wantBob}},
		{"from exactly the first", searchapi.OrderQuery{From: at}, []searchapi.Order{wantBob, wantAnn}},
		{"to exactly the first", searchapi.OrderQuery{To: at}, []searchapi.Order{wantAnn}},
		{"to just before the first", searchapi.OrderQuery{To: at.Add(-time.Microsecond)}, []searchapi.Order{}},
		{"within a range", searchapi.OrderQuery{From: at.Add(-time.Hour), To: at.Add(90 * time.Minute)},
			[]searchapi.Order{wantBob, wantAnn}},
		{"a range in another time zone", searchapi.OrderQuery{From: at.Add(30 * time.Minute).In(time.FixedZone("UTC+5", 5*3600)),
			To: at.Add(90 * time.Minute).In(time.FixedZone("UTC-7", -7*3600))}, []searchapi.Order{wantBob}},
		{"every filter at once", searchapi.OrderQuery{CustomerID: ann.ID, StoreID: lights.ID, Status: "pending",
			From: at, To: at, Limit: 1}, []searchapi.Order{wantAnn}},
		{"filters matching apart but not together", searchapi.OrderQuery{CustomerID: ann.ID, Status: "approved"},
			[]searchapi.Order{}},
	}
	// The first wait also lets every name arrive: three consumers feed search.
	eventuallyOrders(t, ctx, c, cases[0].q, func(ct *assert.CollectT, got []searchapi.Order) {
		assert.Equal(ct, cases[0].want, got)
	})
	eventuallyOrders(t, ctx, c, cases[1].q, func(ct *assert.CollectT, got []searchapi.Order) {
		assert.Equal(ct, cases[1].want, got)
	})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := c.SearchOrders(ctx, tc.q)
			if assert.NoError(t, err) {
				assert.Equal(t, tc.want, got.Orders)
			}
		})
	}
}

// TestNewestFirstWithinTheLimit finds a customer's orders newest first, the
// limit keeping the newest.
func TestNewestFirstWithinTheLimit(t *testing.T) {
	t.Parallel()
	env, c := startSearch(t)
	ctx := testContext(t)
	m := newMall(t, ctx, env)
	customerID := msg.NewID()
	at := time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)
	var created []string
	for i, offset := range []time.Duration{2 * time.Minute, 0, time.Minute} {
		o := newOrder(customerID, orderingapi.Item{ProductID: "p", ProductName: "P", StoreID: "s",
			StoreName: "S", PriceCents: int64(i + 1), Quantity: 1})
		m.order(1, orderingapi.OrderCreated{Order: o}, msg.WithClock(at.Add(offset)))
		created = append(created, o.ID)
	}
	newestFirst := []string{created[0], created[2], created[1]}

	eventuallyOrders(t, ctx, c, searchapi.OrderQuery{CustomerID: customerID}, func(ct *assert.CollectT, got []searchapi.Order) {
		assert.Equal(ct, newestFirst, ids(got))
	})
	got, err := c.SearchOrders(ctx, searchapi.OrderQuery{CustomerID: customerID, Limit: 2})
	if assert.NoError(t, err) {
		assert.Equal(t, newestFirst[:2], ids(got.Orders))
	}
}
