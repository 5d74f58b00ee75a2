package depot_test

import (
	"testing"

	"github.com/mallbots/mallbots/internal/systest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/depot/adapters/commands"
	"github.com/mallbots/mallbots/system/depot/adapters/consumers"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// TestCancelRacingCreate cancels orders (through ordering's event, on its
// own consumer) while their CreateShoppingList is handled: whichever wins,
// no order ends with a list that may still be shopped.
func TestCancelRacingCreate(t *testing.T) {
	t.Parallel()
	r := start(t)
	cafe := r.newStore(t, "Cafe", "Level 1")
	r.awaitStores(t, cafe)
	const orders = 20
	replyPrefix := "mallbots.test.race." + msg.NewID()
	replies := systest.ReadWire(t, r.env.NATS.URL(), replyPrefix+".>")
	orderOf := map[string]string{}
	for range orders {
		orderID := msg.NewID()
		cmd := r.publish(t, depotapi.CreateShoppingListSubject, depotapi.CreateShoppingListCommand,
			depotapi.CreateShoppingList{OrderID: orderID, Items: []depotapi.OrderItem{item(cafe, "cup", 1)}},
			msg.WithHeader(command.HeaderReplyTo, replyPrefix+"."+orderID))
		r.orderCanceled(t, orderID)
		orderOf[cmd.ID] = orderID
	}
	outcome := map[string]command.Reply{}
	for range orders {
		env := replies.Next(t)
		outcome[orderOf[env.CausationID]] = systest.Payload[command.Reply](t, env)
	}
	systest.AwaitCaughtUp(t, t.Context(), r.bus.JetStream(), consumers.OrderingConsumer, commands.Consumer)

	refused := 0
	for orderID, reply := range outcome {
		lists, err := r.c.ShoppingLists(t.Context(), depotapi.ShoppingListFilter{OrderID: orderID})
		require.NoError(t, err)
		if reply.Outcome == command.Failed {
			refused++
			assert.Contains(t, reply.Reason, "cancelled", "order %s", orderID)
			assert.Empty(t, lists.ShoppingLists, "order %s: a refused create makes no list", orderID)
			continue
		}
		require.Len(t, lists.ShoppingLists, 1, "order %s", orderID)
		assert.Equal(t, depotapi.StatusCanceled, lists.ShoppingLists[0].Status, "order %s: the list made first is cancelled", orderID)
	}
	assert.Len(t, outcome, orders)
	t.Logf("%d creates refused by a tombstone, %d lists cancelled after creation", refused, orders-refused)
}
