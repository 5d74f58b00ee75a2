package depot_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/depot"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/stores"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// TestAStoreMissingFromTheCacheIsAskedForAtStores: the depot runs on a NATS
// of its own, so no stores event ever reaches it; a list for a store it
// never heard of is still made, with the location stores gives.
func TestAStoreMissingFromTheCacheIsAskedForAtStores(t *testing.T) {
	t.Parallel()
	storesEnv := systest.Start(t, []host.Module{stores.Module{}})
	s, err := client.Single(storesEnv.URL, []string{storesapi.Context}).
		CreateStore(t.Context(), storesapi.CreateStore{Name: "Far Shop", Location: "Level 9"})
	require.NoError(t, err)

	env := systest.Start(t, []host.Module{depot.Module{}}, func(c *host.Config) {
		c.Peers = host.Peers{storesapi.Context: storesEnv.URL}
	})
	b, err := bus.Connect(t.Context(), env.NATS.URL(), "depot-test")
	require.NoError(t, err)
	t.Cleanup(b.Close)
	r := &rig{env: env, bus: b, sagaID: "saga-" + msg.NewID()}

	orderID := msg.NewID()
	listID := r.create(t, orderID, item(s, "lamp", 1))
	l, err := client.Single(env.URL, []string{depotapi.Context}).ShoppingList(t.Context(), listID)
	require.NoError(t, err)
	require.Len(t, l.Stops, 1)
	assert.Equal(t, "Level 9", l.Stops[0].StoreLocation)

	reply := r.command(t, depotapi.CreateShoppingListCommand, depotapi.CreateShoppingList{
		OrderID: msg.NewID(), Items: []depotapi.OrderItem{{ProductID: "p", ProductName: "P", StoreID: msg.NewID(), Quantity: 1}}})
	assert.Equal(t, command.Failed, reply.Outcome, "a store stores does not know either is still unknown")
}
