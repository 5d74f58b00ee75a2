package baskets_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/baskets"
	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/customers"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/stores"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// TestCacheMissAsksStores runs stores and baskets in two hosts on two NATS
// servers, so no stores event ever reaches baskets: adding a product must
// ask stores over REST.
func TestCacheMissAsksStores(t *testing.T) {
	t.Parallel()
	_, b, c := startApart(t)
	ctx := testContext(t)
	shop, kettle := seedProduct(t, ctx, c, "Kitchen", "Kettle", 3499)

	basket, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: register(t, ctx, c)})
	require.NoError(t, err)
	got, err := c.AddItem(ctx, basket.ID, basketsapi.AddItem{ProductID: kettle.ID, Quantity: 2})
	require.NoError(t, err)
	assert.Equal(t, []basketsapi.Item{{StoreID: shop.ID, StoreName: "Kitchen", ProductID: kettle.ID,
		ProductName: "Kettle", PriceCents: 3499, Quantity: 2}}, got.Items)
	assert.EqualValues(t, 6998, got.TotalCents)

	var name string
	var version int
	err = basketsDB(t, ctx, b).QueryRow(ctx, `SELECT name, version FROM product_cache WHERE product_id = $1`,
		kettle.ID).Scan(&name, &version)
	require.NoError(t, err, "the answer is cached")
	assert.Equal(t, "Kettle", name)
	assert.Zero(t, version, "a REST answer is cached below any event's version")

	_, err = c.AddItem(ctx, basket.ID, basketsapi.AddItem{ProductID: "no-such-product", Quantity: 1})
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusNotFound, e.Status)
	assert.Equal(t, httpx.TypeNotFound, e.Problem.Type)
	assert.Contains(t, e.Problem.Detail, "product")
}

// startApart runs stores and customers in one host and baskets in another,
// on two NATS servers, so that no event of theirs ever reaches baskets: it
// learns of products, stores and customers over REST only. It returns both
// hosts and a client of all three contexts.
func startApart(t *testing.T) (a, b *systest.Env, c *client.Client) {
	t.Helper()
	a = systest.Start(t, []host.Module{stores.Module{}, customers.Module{}})
	b = systest.Start(t, []host.Module{baskets.Module{}}, func(c *host.Config) {
		c.Peers = host.Peers{storesapi.Context: a.URL, customersapi.Context: a.URL}
	})
	require.NotEqual(t, a.NATS.URL(), b.NATS.URL())
	c = client.New(map[string]string{storesapi.Context: a.URL, customersapi.Context: a.URL, basketsapi.Context: b.URL}, nil)
	return a, b, c
}
