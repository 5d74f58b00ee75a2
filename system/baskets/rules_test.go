package baskets_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

func TestBasketRules(t *testing.T) {
	t.Parallel()
	_, c := startMall(t)
	ctx := testContext(t)
	_, cup := seedProduct(t, ctx, c, "Cafe", "Cup", 300)
	b, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: register(t, ctx, c)})
	require.NoError(t, err)
	assert.Equal(t, basketsapi.StatusOpen, b.Status)
	assert.NotNil(t, b.Items, "an empty basket lists no items, not null")

	_, err = c.AddItem(ctx, b.ID, basketsapi.AddItem{ProductID: cup.ID, Quantity: 2})
	require.NoError(t, err)
	b, err = c.AddItem(ctx, b.ID, basketsapi.AddItem{ProductID: cup.ID, Quantity: 3})
	require.NoError(t, err)
	require.Len(t, b.Items, 1, "adding a product again adds to its line")
	assert.Equal(t, 5, b.Items[0].Quantity)
	assert.EqualValues(t, 1500, b.TotalCents)

	b, err = c.RemoveItem(ctx, b.ID, cup.ID)
	require.NoError(t, err)
	assert.Empty(t, b.Items)
	assert.Zero(t, b.TotalCents)
	_, err = c.RemoveItem(ctx, b.ID, cup.ID)
	assert.Equal(t, http.StatusNotFound, client.StatusOf(err), "removing a product not in the basket")
	_, err = c.CheckoutBasket(ctx, b.ID, basketsapi.Checkout{PaymentID: "payment-1"})
	assert.Equal(t, http.StatusConflict, client.StatusOf(err), "an empty basket cannot check out")

	b, err = c.CancelBasket(ctx, b.ID)
	require.NoError(t, err)
	assert.Equal(t, basketsapi.StatusCanceled, b.Status)
	_, err = c.AddItem(ctx, b.ID, basketsapi.AddItem{ProductID: cup.ID, Quantity: 1})
	assert.Equal(t, http.StatusConflict, client.StatusOf(err), "a canceled basket does not change")
	_, err = c.CancelBasket(ctx, b.ID)
	assert.Equal(t, http.StatusConflict, client.StatusOf(err), "canceling twice")
}

func TestUnsellableProductsAreConflicts(t *testing.T) {
	t.Parallel()
	_, c := startMall(t)
	ctx := testContext(t)
	shop, mug := seedProduct(t, ctx, c, "Cafe", "Mug", 700)
	_, bowl := seedProduct(t, ctx, c, "Kitchen", "Bowl", 400)
	b, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: register(t, ctx, c)})
	require.NoError(t, err)

	_, err = c.RemoveProduct(ctx, bowl.ID)
	require.NoError(t, err)
	_, err = c.DisableParticipation(ctx, shop.ID)
	require.NoError(t, err)
	// Both changes reach baskets as events; until then the cache may still
	// sell them, so the conflict is awaited.
	for _, id := range []string{bowl.ID, mug.ID} {
		require.EventuallyWithT(t, func(ct *assert.CollectT) {
			_, err := c.AddItem(ctx, b.ID, basketsapi.AddItem{ProductID: id, Quantity: 1})
			assert.Equal(ct, http.StatusConflict, client.StatusOf(err), "adding %s: %v", id, err)
		}, deadline, pollEvery)
	}
}

// TestBasketSurvivesSnapshots drives a basket past two snapshots and reads
// it back: the snapshot plus later events rebuild the same state.
func TestBasketSurvivesSnapshots(t *testing.T) {
	t.Parallel()
	_, c := startMall(t)
	ctx := testContext(t)
	_, pen := seedProduct(t, ctx, c, "Paper", "Pen", 150)
	b, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: register(t, ctx, c)})
	require.NoError(t, err)
	for range 24 {
		b, err = c.AddItem(ctx, b.ID, basketsapi.AddItem{ProductID: pen.ID, Quantity: 1})
		require.NoError(t, err)
	}
	got, err := c.Basket(ctx, b.ID)
	require.NoError(t, err)
	assert.Equal(t, b, got)
	assert.Equal(t, 24, got.Items[0].Quantity)
	assert.EqualValues(t, 24*150, got.TotalCents)
}

// TestStoreThatJustJoinedSellsAtOnce adds a product right after its store
// joined the mall, before the event can have reached the cache: a refusal
// the cache would give is confirmed with stores first.
func TestStoreThatJustJoinedSellsAtOnce(t *testing.T) {
	t.Parallel()
	_, c := startMall(t)
	ctx := testContext(t)
	shop, err := c.CreateStore(ctx, storesapi.CreateStore{Name: "Late", Location: "Level 3"})
	require.NoError(t, err)
	tea, err := c.AddProduct(ctx, shop.ID, storesapi.AddProduct{Name: "Tea", SKU: "T-1", PriceCents: 450})
	require.NoError(t, err)
	b, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: register(t, ctx, c)})
	require.NoError(t, err)
	_, err = c.AddItem(ctx, b.ID, basketsapi.AddItem{ProductID: tea.ID, Quantity: 1})
	require.Equal(t, http.StatusConflict, client.StatusOf(err), "the store does not participate yet")

	_, err = c.EnableParticipation(ctx, shop.ID)
	require.NoError(t, err)
	b, err = c.AddItem(ctx, b.ID, basketsapi.AddItem{ProductID: tea.ID, Quantity: 1})
	require.NoError(t, err)
	assert.Equal(t, "Late", b.Items[0].StoreName)
}
