package depot_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/mallbots/mallbots/internal/systest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// TestShoppingListLifecycle walks a list from the saga's create through a
// bot's completion and checks what ordering will read on the wire.
func TestShoppingListLifecycle(t *testing.T) {
	t.Parallel()
	r := start(t)
	cafe := r.newStore(t, "Cafe", "Level 1, east wing")
	books := r.newStore(t, "Books", "Level 2, north")
	r.awaitStores(t, cafe, books)
	orderID := msg.NewID()
	correlation := "checkout-" + msg.NewID()
	ctx := msg.WithMeta(t.Context(), msg.Meta{CorrelationID: correlation})

	id := r.create(t, orderID, item(books, "novel", 1), item(cafe, "cup", 2), item(books, "atlas", 1))
	r.succeed(t, depotapi.InitiateShoppingCommand, depotapi.InitiateShopping{OrderID: orderID})
	bot := r.bot(t, "Robbie")
	assigned, err := r.c.AssignList(ctx, id, depotapi.AssignList{BotID: bot.ID})
	require.NoError(t, err)
	assert.Equal(t, depotapi.StatusAssigned, assigned.Status)
	assert.Equal(t, bot.ID, assigned.BotID)
	completed, err := r.c.CompleteList(ctx, id, depotapi.AssignList{BotID: bot.ID})
	require.NoError(t, err)

	want := depotapi.ShoppingList{ID: id, OrderID: orderID, Status: depotapi.StatusCompleted, BotID: bot.ID,
		Stops: []depotapi.Stop{
			{StoreID: books.ID, StoreName: "Books", StoreLocation: "Level 2, north", Items: []depotapi.ListItem{
				{ProductID: "novel", ProductName: "The novel", Quantity: 1}, {ProductID: "atlas", ProductName: "The atlas", Quantity: 1}}},
			{StoreID: cafe.ID, StoreName: "Cafe", StoreLocation: "Level 1, east wing", Items: []depotapi.ListItem{
				{ProductID: "cup", ProductName: "The cup", Quantity: 2}}},
		}}
	assert.Equal(t, want, completed)
	for version, name := range []string{"ShoppingListCreated", "ShoppingListAvailable", "ShoppingListAssigned", "ShoppingListCompleted"} {
		env := r.event(t, id, name)
		assert.Equal(t, version+1, env.AggregateVersion, name)
		assert.Equal(t, depotapi.Subject(name), env.Subject)
	}
	env := r.event(t, id, "ShoppingListCompleted")
	assert.Equal(t, correlation, env.CorrelationID, "the bot's X-Correlation-ID flows into the event")
	assert.Equal(t, want, systest.Payload[depotapi.ShoppingListCompleted](t, env).ShoppingList,
		"ordering reads the stops grouped by store with their locations")
	t.Logf("ShoppingListAvailable on the wire: %s", systest.MustJSON(t, r.event(t, id, "ShoppingListAvailable")))
	t.Logf("ShoppingListAssigned on the wire: %s", systest.MustJSON(t, r.event(t, id, "ShoppingListAssigned")))
	t.Logf("ShoppingListCompleted on the wire: %s", systest.MustJSON(t, env))

	again, err := r.c.CompleteList(ctx, id, depotapi.AssignList{BotID: bot.ID})
	require.NoError(t, err, "completing again by the same bot is harmless")
	assert.Equal(t, want, again)
	reply := r.command(t, depotapi.CancelShoppingListCommand, depotapi.CancelShoppingList{OrderID: orderID})
	assert.Equal(t, command.Failed, reply.Outcome, "a completed list cannot be cancelled")
}

// TestInitiateShoppingMakesTheListAvailable proves InitiateShopping does
// something: before it no bot can take the list, after it one can.
func TestInitiateShoppingMakesTheListAvailable(t *testing.T) {
	t.Parallel()
	r := start(t)
	cafe := r.newStore(t, "Cafe", "Level 1")
	r.awaitStores(t, cafe)
	ctx, orderID := t.Context(), msg.NewID()
	bot := r.bot(t, "Robbie")
	id := r.create(t, orderID, item(cafe, "cup", 1))

	assert.NotContains(t, r.available(t), id, "a pending list is not offered to bots")
	_, err := r.c.AssignList(ctx, id, depotapi.AssignList{BotID: bot.ID})
	assert.Equal(t, http.StatusConflict, client.StatusOf(err), "a bot cannot take a pending list: %v", err)

	r.succeed(t, depotapi.InitiateShoppingCommand, depotapi.InitiateShopping{OrderID: orderID})
	available := systest.Payload[depotapi.ShoppingList](t, r.event(t, id, "ShoppingListAvailable"))
	assert.Equal(t, depotapi.StatusAvailable, available.Status)
	assert.Contains(t, r.available(t), id, "an initiated list is offered to bots")
	l, err := r.c.AssignList(ctx, id, depotapi.AssignList{BotID: bot.ID})
	require.NoError(t, err, "a bot can take an initiated list")
	assert.Equal(t, depotapi.StatusAssigned, l.Status)
	assert.NotContains(t, r.available(t), id, "an assigned list is no longer offered")

	r.succeed(t, depotapi.InitiateShoppingCommand, depotapi.InitiateShopping{OrderID: orderID})
	l, err = r.c.ShoppingList(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, depotapi.StatusAssigned, l.Status, "initiating again changes nothing")

	unknown := r.command(t, depotapi.InitiateShoppingCommand, depotapi.InitiateShopping{OrderID: msg.NewID()})
	assert.Equal(t, command.Failed, unknown.Outcome, "an order without a list")
	cancelled := msg.NewID()
	r.create(t, cancelled, item(cafe, "cup", 1))
	r.succeed(t, depotapi.CancelShoppingListCommand, depotapi.CancelShoppingList{OrderID: cancelled})
	reply := r.command(t, depotapi.InitiateShoppingCommand, depotapi.InitiateShopping{OrderID: cancelled})
	assert.Equal(t, command.Failed, reply.Outcome, "a cancelled list")
	assert.Contains(t, reply.Reason, "cancelled")
}

func TestBotRules(t *testing.T) {
	t.Parallel()
	r := start(t)
	cafe := r.newStore(t, "Cafe", "Level 1")
	r.awaitStores(t, cafe)
	ctx := t.Context()
	robbie, marvin := r.bot(t, "  Robbie "), r.bot(t, "Marvin")
	assert.Equal(t, "Robbie", robbie.Name, "the name is trimmed")
	got, err := r.c.Bot(ctx, robbie.ID)
	require.NoError(t, err)
	assert.Equal(t, robbie, got)
	_, err = r.c.Bot(ctx, msg.NewID())
	assert.Equal(t, http.StatusNotFound, client.StatusOf(err))

	id := r.readyList(t, msg.NewID(), item(cafe, "cup", 1))
	_, err = r.c.AssignList(ctx, id, depotapi.AssignList{BotID: msg.NewID()})
	assert.Equal(t, http.StatusNotFound, client.StatusOf(err), "an unknown bot")
	_, err = r.c.AssignList(ctx, msg.NewID(), depotapi.AssignList{BotID: robbie.ID})
	assert.Equal(t, http.StatusNotFound, client.StatusOf(err), "an unknown list")
	_, err = r.c.CompleteList(ctx, id, depotapi.AssignList{BotID: robbie.ID})
	assert.Equal(t, http.StatusConflict, client.StatusOf(err), "completing an unassigned list")

	_, err = r.c.AssignList(ctx, id, depotapi.AssignList{BotID: robbie.ID})
	require.NoError(t, err)
	_, err = r.c.AssignList(ctx, id, depotapi.AssignList{BotID: robbie.ID})
	require.NoError(t, err, "assigning again to the same bot is harmless")
	_, err = r.c.AssignList(ctx, id, depotapi.AssignList{BotID: marvin.ID})
	assert.Equal(t, http.StatusConflict, client.StatusOf(err), "a list taken by another bot")
	_, err = r.c.CompleteList(ctx, id, depotapi.AssignList{BotID: marvin.ID})
	assert.Equal(t, http.StatusConflict, client.StatusOf(err), "only the assigned bot completes")
	l, err := r.c.ShoppingList(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, robbie.ID, l.BotID)
	assert.Equal(t, depotapi.StatusAssigned, l.Status)
	assert.Equal(t, 3, r.event(t, id, "ShoppingListAssigned").AggregateVersion, "one assignment event")
}

func TestShoppingListQueries(t *testing.T) {
	t.Parallel()
	r := start(t)
	cafe := r.newStore(t, "Cafe", "Level 1")
	r.awaitStores(t, cafe)
	ctx := t.Context()
	pendingOrder, availableOrder := msg.NewID(), msg.NewID()
	pending := r.create(t, pendingOrder, item(cafe, "cup", 1))
	available := r.readyList(t, availableOrder, item(cafe, "mug", 1))

	for _, tc := range []struct {
		name   string
		filter depotapi.ShoppingListFilter
		has    []string
		hasNot []string
	}{
		{"everything", depotapi.ShoppingListFilter{}, []string{pending, available}, nil},
		{"available", depotapi.ShoppingListFilter{Status: depotapi.StatusAvailable}, []string{available}, []string{pending}},
		{"pending", depotapi.ShoppingListFilter{Status: depotapi.StatusPending}, []string{pending}, []string{available}},
		{"by order", depotapi.ShoppingListFilter{OrderID: pendingOrder}, []string{pending}, []string{available}},
		{"by order and status", depotapi.ShoppingListFilter{OrderID: availableOrder, Status: depotapi.StatusAvailable}, []string{available}, []string{pending}},
		{"status the order's list is not in", depotapi.ShoppingListFilter{OrderID: pendingOrder, Status: depotapi.StatusAvailable}, nil, []string{pending, available}},
		{"unknown order", depotapi.ShoppingListFilter{OrderID: msg.NewID()}, nil, []string{pending, available}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			lists, err := r.c.ShoppingLists(ctx, tc.filter)
			require.NoError(t, err)
			require.NotNil(t, lists.ShoppingLists, "an empty answer is a list, not null")
			ids := idsOf(lists)
			for _, id := range tc.has {
				assert.Contains(t, ids, id)
			}
			for _, id := range tc.hasNot {
				assert.NotContains(t, ids, id)
			}
		})
	}
}

// available returns the ids of the lists a bot would be offered.
func (r *rig) available(t *testing.T) []string {
	t.Helper()
	lists, err := r.c.ShoppingLists(t.Context(), depotapi.ShoppingListFilter{Status: depotapi.StatusAvailable})
	require.NoError(t, err)
	for _, l := range lists.ShoppingLists {
		require.Equal(t, depotapi.StatusAvailable, l.Status)
	}
	return idsOf(lists)
}

func idsOf(lists depotapi.ShoppingListList) []string {
	ids := make([]string, 0, len(lists.ShoppingLists))
	for _, l := range lists.ShoppingLists {
		ids = append(ids, l.ID)
	}
	return slices.Clip(ids)
}
