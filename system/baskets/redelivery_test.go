package baskets_test

import (
	"testing"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// TestRedeliveredEventHasOneEffect publishes the same envelope twice under
// two JetStream Msg-Ids, so the stream stores and delivers it twice. The
// first effect is undone by hand in between: were the second delivery
// handled again, the product would be back in the cache.
func TestRedeliveredEventHasOneEffect(t *testing.T) {
	t.Parallel()
	env, c := startBasketsAlone(t)
	ctx := testContext(t)
	pub, db := connectBus(t, ctx, env), basketsDB(t, ctx, env)
	store := storesapi.Store{ID: msg.NewID(), Name: "Garden", Location: "Level 0", Participating: true}
	publish(t, ctx, pub, store.ID, 1, storesapi.StoreCreated{Store: store})
	rake := storesapi.Product{ID: msg.NewID(), StoreID: store.ID, Name: "Rake", SKU: "R-1", PriceCents: 1500}
	e, err := msg.New(ctx, storesapi.Subject("ProductAdded"), "ProductAdded", storesapi.ProductAdded{Product: rake},
		msg.WithAggregate(rake.ID, 1))
	require.NoError(t, err)
	publishAs := func(msgID string) uint64 {
		t.Helper()
		ack := systest.Publish(t, ctx, pub.JetStream(), e, jetstream.WithMsgID(msgID))
		require.False(t, ack.Duplicate, "the stream stores the copy published as %s", msgID)
		return ack.Sequence
	}

	publishAs(e.ID)
	b := startBasket(t, ctx, c, announceCustomer(t, ctx, pub))
	eventuallyItem(t, ctx, c, b.ID, rake.ID, func(c *assert.CollectT, it basketsapi.Item) {
		assert.Equal(c, "Rake", it.ProductName)
	})
	_, err = db.Exec(ctx, `DELETE FROM product_cache WHERE product_id = $1`, rake.ID)
	require.NoError(t, err)

	again := publishAs(e.ID + "-redelivered")
	barrier(t, ctx, c, pub, b.ID, store.ID, again)

	var cached, recorded int
	require.NoError(t, db.QueryRow(ctx, `SELECT count(*) FROM product_cache WHERE product_id = $1`, rake.ID).Scan(&cached))
	assert.Zero(t, cached, "the second delivery had no effect")
	require.NoError(t, db.QueryRow(ctx, `SELECT count(*) FROM inbox WHERE consumer = 'baskets-stores' AND message_id = $1`,
		e.ID).Scan(&recorded))
	assert.Equal(t, 1, recorded, "the inbox holds the message once")
}
