package baskets_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/baskets/adapters/consumers"
	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

func TestRebrandedProductShowsItsNewNameInTheBasket(t *testing.T) {
	t.Parallel()
	_, c := startMall(t)
	ctx := testContext(t)
	_, lamp := seedProduct(t, ctx, c, "Lights", "Lamp", 500)
	b, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: register(t, ctx, c)})
	require.NoError(t, err)
	eventuallyItem(t, ctx, c, b.ID, lamp.ID, func(c *assert.CollectT, it basketsapi.Item) {
		assert.Equal(c, "Lamp", it.ProductName, "the lamp is cached before the rebrand")
	})

	_, err = c.RebrandProduct(ctx, lamp.ID, storesapi.RebrandProduct{Name: "Desk Lamp"})
	require.NoError(t, err)
	// The rebrand reaches baskets through stores' outbox and the baskets
	// consumer; each add takes the name the cache holds at that moment.
	eventuallyItem(t, ctx, c, b.ID, lamp.ID, func(c *assert.CollectT, it basketsapi.Item) {
		assert.Equal(c, "Desk Lamp", it.ProductName)
	})
}

// TestCacheAnswersWithoutStores runs baskets alone, with stores unreachable,
// and feeds it stores' events by hand: whatever a basket shows came from
// those events. A late, older event does not roll the cache back.
func TestCacheAnswersWithoutStores(t *testing.T) {
	t.Parallel()
	env, c := startBasketsAlone(t)
	ctx := testContext(t)
	pub := connectBus(t, ctx, env)
	store := storesapi.Store{ID: msg.NewID(), Name: "Lights", Location: "Level 1", Participating: true}
	lamp := storesapi.Product{ID: msg.NewID(), StoreID: store.ID, Name: "Lamp", SKU: "L-1", PriceCents: 500}
	publish(t, ctx, pub, store.ID, 1, storesapi.StoreCreated{Store: storesapi.Store{ID: store.ID, Name: "Lights", Location: "Level 1"}})
	publish(t, ctx, pub, store.ID, 2, storesapi.StoreParticipationEnabled{Store: store})
	publish(t, ctx, pub, lamp.ID, 1, storesapi.ProductAdded{Product: lamp})

	b := startBasket(t, ctx, c, announceCustomer(t, ctx, pub))
	eventuallyItem(t, ctx, c, b.ID, lamp.ID, func(c *assert.CollectT, it basketsapi.Item) {
		assert.Equal(c, basketsapi.Item{StoreID: store.ID, StoreName: "Lights", ProductID: lamp.ID,
			ProductName: "Lamp", PriceCents: 500, Quantity: it.Quantity}, it)
	})

	rebranded, older := lamp, lamp
	rebranded.Name = "Desk Lamp"
	older.PriceCents = 9999
	publish(t, ctx, pub, lamp.ID, 3, storesapi.ProductRebranded{Product: rebranded})
	late := publish(t, ctx, pub, lamp.ID, 2, storesapi.ProductPriceIncreased{Product: older})
	barrier(t, ctx, c, pub, b.ID, store.ID, late)

	got, err := c.AddItem(ctx, b.ID, basketsapi.AddItem{ProductID: lamp.ID, Quantity: 1})
	require.NoError(t, err)
	it := itemOf(got, lamp.ID)
	assert.Equal(t, "Desk Lamp", it.ProductName, "the rebrand, version 3, is shown")
	assert.EqualValues(t, 500, it.PriceCents, "the late version 2 is ignored")
}

// publish puts one stores event on the wire as stores' relay would and
// returns its stream sequence.
func publish(tb testing.TB, ctx context.Context, b *bus.Bus, aggregateID string, version int, event interface{ EventName() string }) uint64 {
	tb.Helper()
	name := event.EventName()
	env, err := msg.New(ctx, storesapi.Subject(name), name, event, msg.WithAggregate(aggregateID, version))
	require.NoError(tb, err)
	return systest.Publish(tb, ctx, b.JetStream(), env).Sequence
}

// barrier waits until the stores consumer has handled every event up to
// stream sequence after, then publishes a marker product and waits until a
// basket can add it. The consumer handles products side by side, so the
// marker, another product, could overtake the events before it: the wait
// for their ack comes first.
func barrier(tb testing.TB, ctx context.Context, c *client.Client, pub *bus.Bus, basketID, storeID string, after uint64) {
	tb.Helper()
	systest.AwaitAcked(tb, ctx, pub.JetStream(), consumers.Consumer, after)
	marker := storesapi.Product{ID: msg.NewID(), StoreID: storeID, Name: "Marker", SKU: "M-1", PriceCents: 1}
	publish(tb, ctx, pub, marker.ID, 1, storesapi.ProductAdded{Product: marker})
	eventuallyItem(tb, ctx, c, basketID, marker.ID, func(*assert.CollectT, basketsapi.Item) {})
	_, err := c.RemoveItem(ctx, basketID, marker.ID)
	require.NoError(tb, err)
}

// eventuallyItem adds one of productID to the basket until the add succeeds
// and check passes on the item's line, failing with the last answer seen.
func eventuallyItem(tb testing.TB, ctx context.Context, c *client.Client, basketID, productID string,
	check func(*assert.CollectT, basketsapi.Item)) {
	tb.Helper()
	require.EventuallyWithT(tb, func(ct *assert.CollectT) {
		b, err := c.AddItem(ctx, basketID, basketsapi.AddItem{ProductID: productID, Quantity: 1})
		if !assert.NoError(ct, err) {
			return
		}
		check(ct, itemOf(b, productID))
	}, deadline, pollEvery)
}

func itemOf(b basketsapi.Basket, productID string) basketsapi.Item {
	for _, it := range b.Items {
		if it.ProductID == productID {
			return it
		}
	}
	return basketsapi.Item{}
}
