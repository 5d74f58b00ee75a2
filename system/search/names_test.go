package search_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/search/searchapi"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// names is what a search shows of an order's names.
type names struct{ customer, product, store string }

func namesOf(o searchapi.Order) names {
	n := names{customer: o.CustomerName}
	if len(o.Items) == 1 {
		n.product, n.store = o.Items[0].ProductName, o.Items[0].StoreName
	}
	return n
}

// TestRenamesShowInExistingResults renames a customer (through a later
// event carrying the full customer), a store and a product after an order
// was placed: the order shows the new names. Copies of the older events
// delivered afterwards do not bring the old names back.
func TestRenamesShowInExistingResults(t *testing.T) {
	t.Parallel()
	env, c := startSearch(t)
	ctx := testContext(t)
	m := newMall(t, ctx, env)
	ann := customersapi.Customer{ID: msg.NewID(), Name: "Ann", SmsNumber: "+14155550123", Enabled: true}
	lights := storesapi.Store{ID: msg.NewID(), Name: "Lights", Location: "Level 1", Participating: true}
	lamp := storesapi.Product{ID: msg.NewID(), StoreID: lights.ID, Name: "Lamp", SKU: "L-1", PriceCents: 500}
	m.customer(1, customersapi.CustomerRegistered{Customer: ann})
	m.store(1, storesapi.StoreCreated{Store: lights})
	m.product(1, storesapi.ProductAdded{Product: lamp})
	o := newOrder(ann.ID, line(lamp, lights, 1))
	m.order(1, orderingapi.OrderCreated{Order: o})
	byCustomer := searchapi.OrderQuery{CustomerID: ann.ID}
	eventuallyOrder(t, ctx, c, byCustomer, o.ID, func(ct *assert.CollectT, got searchapi.Order) {
		assert.Equal(ct, names{"Ann", "Lamp", "Lights"}, namesOf(got))
	})

	annie, bright, deskLamp := ann, lights, lamp
	annie.Name, annie.SmsNumber = "Annie", "+14155550199"
	bright.Name = "Bright Lights"
	deskLamp.Name = "Desk Lamp"
	m.customer(2, customersapi.CustomerSmsNumberChanged{Customer: annie})
	m.store(2, storesapi.StoreRebranded{Store: bright})
	m.product(2, storesapi.ProductRebranded{Product: deskLamp})
	renamed := names{"Annie", "Desk Lamp", "Bright Lights"}
	eventuallyOrder(t, ctx, c, byCustomer, o.ID, func(ct *assert.CollectT, got searchapi.Order) {
		assert.Equal(ct, renamed, namesOf(got))
	})
	eventuallyOrder(t, ctx, c, searchapi.OrderQuery{StoreID: lights.ID}, o.ID, func(ct *assert.CollectT, got searchapi.Order) {
		assert.Equal(ct, renamed, namesOf(got), "found by store with the new names")
	})

	m.customer(1, customersapi.CustomerRegistered{Customer: ann})
	m.store(1, storesapi.StoreCreated{Store: lights})
	m.product(1, storesapi.ProductAdded{Product: lamp})
	m.settle(c)
	got, err := c.SearchOrders(ctx, byCustomer)
	require.NoError(t, err)
	require.Len(t, got.Orders, 1)
	assert.Equal(t, renamed, namesOf(got.Orders[0]), "late copies of version 1 are ignored")
}

// TestUnknownNamesFallBackToTheOrderEvent finds an order before search has
// heard of its customer, store or product: the lines show the names the
// order event carried and the customer name is empty, until the names
// arrive.
func TestUnknownNamesFallBackToTheOrderEvent(t *testing.T) {
	t.Parallel()
	env, c := startSearch(t)
	ctx := testContext(t)
	m := newMall(t, ctx, env)
	cu := customersapi.Customer{ID: msg.NewID(), Name: "Cleo", SmsNumber: "+14155550123", Enabled: true}
	st := storesapi.Store{ID: msg.NewID(), Name: "Garden", Location: "Level 0"}
	pr := storesapi.Product{ID: msg.NewID(), StoreID: st.ID, Name: "Rake", SKU: "R-1", PriceCents: 1500}
	o := newOrder(cu.ID, orderingapi.Item{ProductID: pr.ID, ProductName: "Rake as ordered", StoreID: st.ID,
		StoreName: "Garden as ordered", PriceCents: 1500, Quantity: 1})
	m.order(1, orderingapi.OrderCreated{Order: o})
	byCustomer := searchapi.OrderQuery{CustomerID: cu.ID}
	eventuallyOrder(t, ctx, c, byCustomer, o.ID, func(ct *assert.CollectT, got searchapi.Order) {
		assert.Equal(ct, names{"", "Rake as ordered", "Garden as ordered"}, namesOf(got))
	})

	m.customer(1, customersapi.CustomerRegistered{Customer: cu})
	m.store(1, storesapi.StoreCreated{Store: st})
	m.product(1, storesapi.ProductAdded{Product: pr})
	eventuallyOrder(t, ctx, c, byCustomer, o.ID, func(ct *assert.CollectT, got searchapi.Order) {
		assert.Equal(ct, names{"Cleo", "Rake", "Garden"}, namesOf(got))
	})
}
