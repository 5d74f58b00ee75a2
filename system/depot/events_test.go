package depot_test

import (
	"testing"

	"github.com/mallbots/mallbots/internal/systest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/depot"
	"github.com/mallbots/mallbots/system/depot/adapters/consumers"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// TestOrderCanceledCancelsTheList plays ordering: a customer cancels orders
// whose lists are in various states.
func TestOrderCanceledCancelsTheList(t *testing.T) {
	t.Parallel()
	r := start(t)
	cafe := r.newStore(t, "Cafe", "Level 1")
	r.awaitStores(t, cafe)
	bot := r.bot(t, "Robbie")
	completedOrder, neverListed, assignedOrder := msg.NewID(), msg.NewID(), msg.NewID()
	completed := r.listIn(t, depotapi.StatusCompleted, completedOrder, bot.ID, item(cafe, "cup", 1))
	assigned := r.listIn(t, depotapi.StatusAssigned, assignedOrder, bot.ID, item(cafe, "mug", 1))

	r.orderCanceled(t, completedOrder)
	r.orderCanceled(t, neverListed)
	env := r.orderCanceled(t, assignedOrder)
	systest.AwaitCaughtUp(t, t.Context(), r.bus.JetStream(), consumers.OrderingConsumer)
	canceled := r.event(t, assigned, "ShoppingListCanceled")
	assert.Equal(t, env.CorrelationID, canceled.CorrelationID, "the cancellation shares the order's correlation")
	assert.Equal(t, env.ID, canceled.CausationID, "and is caused by OrderCanceled")
	assert.Equal(t, depotapi.StatusCanceled, systest.Payload[depotapi.ShoppingList](t, canceled).Status)
	t.Logf("ShoppingListCanceled on the wire: %s", systest.MustJSON(t, canceled))

	l, err := r.c.ShoppingList(t.Context(), assigned)
	require.NoError(t, err)
	assert.Equal(t, depotapi.StatusCanceled, l.Status)
	l, err = r.c.ShoppingList(t.Context(), completed)
	require.NoError(t, err)
	assert.Equal(t, depotapi.StatusCompleted, l.Status, "a completed list stays completed")
	late := r.command(t, depotapi.CreateShoppingListCommand,
		depotapi.CreateShoppingList{OrderID: neverListed, Items: []depotapi.OrderItem{item(cafe, "cup", 1)}})
	assert.Equal(t, command.Failed, late.Outcome, "an order cancelled before its list gets none")
}

// TestStoreCacheKeepsTheNewestState feeds the cache out of order: a late,
// older event never rolls a store back, and a store that stops
// participating keeps its location for lists already on their way.
func TestStoreCacheKeepsTheNewestState(t *testing.T) {
	t.Parallel()
	r := start(t)
	store := storesapi.Store{ID: msg.NewID(), Name: "Cafe", Location: "Level 1"}
	r.storeEvent(t, 1, storesapi.StoreCreated{Store: store})
	moved := storesapi.Store{ID: store.ID, Name: "Grand Cafe", Location: "Level 3", Participating: true}
	older := storesapi.Store{ID: store.ID, Name: "Cafe", Location: "Level 1", Participating: true}
	r.storeEvent(t, 3, storesapi.StoreRebranded{Store: moved})
	r.storeEvent(t, 2, storesapi.StoreParticipationEnabled{Store: older})
	systest.AwaitCaughtUp(t, t.Context(), r.bus.JetStream(), consumers.StoresConsumer)

	id := r.create(t, msg.NewID(), item(store, "cup", 1))
	l, err := r.c.ShoppingList(t.Context(), id)
	require.NoError(t, err)
	require.Len(t, l.Stops, 1)
	assert.Equal(t, "Grand Cafe", l.Stops[0].StoreName, "the newest version wins")
	assert.Equal(t, "Level 3", l.Stops[0].StoreLocation)

	disabled := moved
	disabled.Participating = false
	r.storeEvent(t, 4, storesapi.StoreParticipationDisabled{Store: disabled})
	systest.AwaitCaughtUp(t, t.Context(), r.bus.JetStream(), consumers.StoresConsumer)
	r.create(t, msg.NewID(), item(store, "cup", 1))
}

// TestListsSurviveSnapshots snapshots a list every two events: assigning
// and completing it load it from a snapshot, and the completed list on the
// wire still carries every stop.
func TestListsSurviveSnapshots(t *testing.T) {
	t.Parallel()
	r := startModule(t, depot.Module{SnapshotEvery: 2})
	cafe := r.newStore(t, "Cafe", "Level 1")
	books := r.newStore(t, "Books", "Level 2")
	r.awaitStores(t, cafe, books)
	bot := r.bot(t, "Robbie")
	orderID := msg.NewID()
	id := r.listIn(t, depotapi.StatusCompleted, orderID, bot.ID, item(cafe, "cup", 2), item(books, "novel", 1))

	pool, err := pg.Connect(t.Context(), r.env.DSN, depotapi.Context)
	require.NoError(t, err)
	t.Cleanup(pool.Close)
	var version int
	require.NoError(t, pool.QueryRow(t.Context(), `SELECT version FROM snapshots
		WHERE aggregate_type = 'shopping_list' AND aggregate_id = $1`, id).Scan(&version))
	assert.Equal(t, 4, version, "snapshots at versions 2 and 4")

	completed := systest.Payload[depotapi.ShoppingList](t, r.event(t, id, "ShoppingListCompleted"))
	require.Len(t, completed.Stops, 2)
	assert.Equal(t, "Cafe", completed.Stops[0].StoreName)
	assert.Equal(t, "Level 2", completed.Stops[1].StoreLocation)
	assert.Equal(t, bot.ID, completed.BotID)
	reply := r.command(t, depotapi.CancelShoppingListCommand, depotapi.CancelShoppingList{OrderID: orderID})
	assert.Equal(t, command.Failed, reply.Outcome, "the list rebuilt from its snapshot is completed")
}

// orderCanceled publishes ordering's OrderCanceled for an order.
func (r *rig) orderCanceled(t *testing.T, orderID string) msg.Envelope {
	t.Helper()
	o := orderingapi.Order{ID: orderID, Status: orderingapi.StatusCanceled, Reason: "customer changed their mind"}
	name := orderingapi.OrderCanceled{}.EventName()
	return r.publish(t, orderingapi.Subject(name), name, orderingapi.OrderCanceled{Order: o}, msg.WithAggregate(orderID, 3))
}
