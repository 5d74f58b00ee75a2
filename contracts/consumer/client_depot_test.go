//go:build pact

package consumer

import (
	"context"
	"net/http"
	"testing"

	"github.com/pact-foundation/pact-go/v2/matchers"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/depot/depotapi"
)

// Provider states of the depot API. Each shopping list state answers
// shoppingListId and botId: the bot that took the list, or a bot free to
// act on it (a bot other than the one that completed a completed list).
const (
	stateBot           = "a bot exists"
	stateAvailableList = "a shopping list is available"
	stateAssignedList  = "a shopping list is assigned"
	stateCompletedList = "a shopping list is completed"
)

var (
	sdkBot = depotapi.Bot{ID: sdkEx["botId"], Name: "Robbie"}
	// sdkList is the shopping list of the completed order: one stop, two pencils.
	sdkList = depotapi.ShoppingList{ID: sdkEx["shoppingListId"], OrderID: sdkEx["orderId"], Status: depotapi.StatusCompleted,
		BotID: sdkEx["botId"],
		Stops: []depotapi.Stop{{StoreID: sdkEx["storeId"], StoreName: "Corner Shop", StoreLocation: "Level 1",
			Items: []depotapi.ListItem{{ProductID: sdkEx["productId"], ProductName: "Pencil", Quantity: 2}}}}}
)

// sdkListBody is the answer of l: its status is exact.
func sdkListBody(l depotapi.ShoppingList) map[string]any {
	stop, item := l.Stops[0], l.Stops[0].Items[0]
	body := map[string]any{"shoppingListId": sdkID("shoppingListId"), "orderId": sdkID("orderId"), "status": string(l.Status),
		"stops": matchers.EachLike(map[string]any{"storeId": sdkID("storeId"), "storeName": matchers.Like(stop.StoreName),
			"storeLocation": matchers.Like(stop.StoreLocation),
			"items": matchers.EachLike(map[string]any{"productId": sdkID("productId"),
				"productName": matchers.Like(item.ProductName), "quantity": matchers.Integer(item.Quantity)}, 1)}, 1)}
	if l.BotID != "" {
		body["botId"] = sdkID("botId")
	}
	return body
}

func sdkBotBody() map[string]any {
	return map[string]any{"botId": sdkID("botId"), "name": matchers.Like(sdkBot.Name)}
}

// TestClientDepot: every depot endpoint the typed client calls.
func TestClientDepot(t *testing.T) {
	calls := append(sdkBotCalls(), sdkListCalls()...)
	sdkVerify(t, depotapi.Context, append(calls, sdkDepotErrors()...))
}

func sdkBotCalls() []sdkCall {
	return []sdkCall{
		{desc: "a request to register a bot", method: http.MethodPost, path: "/api/bots",
			body: map[string]any{"name": sdkBot.Name}, status: http.StatusCreated, want: sdkBot,
			answer: sdkExact(sdkBotBody(), "name", sdkBot.Name),
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.RegisterBot(ctx, depotapi.RegisterBot{Name: sdkBot.Name}))
			}},
		{desc: "a request for a bot", state: stateBot, method: http.MethodGet, path: "/api/bots/${botId}",
			status: http.StatusOK, answer: sdkBotBody(), want: sdkBot,
			call: func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.Bot(ctx, sdkEx["botId"])) }},
	}
}

func sdkListCalls() []sdkCall {
	id, bot := sdkEx["shoppingListId"], depotapi.AssignList{BotID: sdkEx["botId"]}
	assigned := sdkList
	assigned.Status = depotapi.StatusAssigned
	byBot := map[string]any{"botId": sdkValue("${botId}")}
	return []sdkCall{
		{desc: "a request for the completed shopping lists of an order", state: stateCompletedOrder, method: http.MethodGet,
			path: "/api/shopping-lists", query: map[string]string{"orderId": "${orderId}", "status": "completed"},
			status: http.StatusOK, answer: map[string]any{"shoppingLists": matchers.EachLike(sdkListBody(sdkList), 1)},
			want: depotapi.ShoppingListList{ShoppingLists: []depotapi.ShoppingList{sdkList}},
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.ShoppingLists(ctx, depotapi.ShoppingListFilter{Status: depotapi.StatusCompleted,
					OrderID: sdkEx["orderId"]}))
			}},
		{desc: "a request for a shopping list", state: stateCompletedOrder, method: http.MethodGet,
			path: "/api/shopping-lists/${shoppingListId}", status: http.StatusOK, answer: sdkListBody(sdkList), want: sdkList,
			call: func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.ShoppingList(ctx, id)) }},
		{desc: "a request to assign a shopping list to a bot", state: stateAvailableList, method: http.MethodPost,
			path: "/api/shopping-lists/${shoppingListId}/assign", body: byBot,
			status: http.StatusOK, answer: sdkListBody(assigned), want: assigned,
			call: func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.AssignList(ctx, id, bot)) }},
		{desc: "a request to complete a shopping list", state: stateAssignedList, method: http.MethodPost,
			path: "/api/shopping-lists/${shoppingListId}/complete", body: byBot,
			status: http.StatusOK, answer: sdkListBody(sdkList), want: sdkList,
			call: func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.CompleteList(ctx, id, bot)) }},
	}
}

// sdkDepotErrors: unknown ids, invalid documents and filters, and lists
// in the wrong state. The body is checked before the list: the lists of
// the states that a request changes serve one interaction each.
func sdkDepotErrors() []sdkCall {
	id, bot := sdkEx["shoppingListId"], depotapi.AssignList{BotID: sdkEx["botId"]}
	byBot, noBot := map[string]any{"botId": sdkValue("${botId}")}, map[string]any{"botId": ""}
	return []sdkCall{
		sdkFails(http.StatusBadRequest, "a request to register a bot without a name", "",
			http.MethodPost, "/api/bots", map[string]any{"name": ""}, "name").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.RegisterBot(ctx, depotapi.RegisterBot{}))
			}),
		sdkFails(http.StatusNotFound, "a request for a bot that does not exist", "",
			http.MethodGet, "/api/bots/"+missingID, nil).
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.Bot(ctx, missingID)) }),
		sdkFails(http.StatusBadRequest, "a request for the shopping lists in an unknown status", "",
			http.MethodGet, "/api/shopping-lists", nil, "status").withQuery("status", "lost").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.ShoppingLists(ctx, depotapi.ShoppingListFilter{Status: "lost"}))
			}),
		sdkFails(http.StatusNotFound, "a request for a shopping list that does not exist", "",
			http.MethodGet, "/api/shopping-lists/"+missingID, nil).
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.ShoppingList(ctx, missingID))
			}),
		sdkFails(http.StatusBadRequest, "a request to assign a shopping list to no bot", stateCompletedList,
			http.MethodPost, "/api/shopping-lists/${shoppingListId}/assign", noBot, "botId").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.AssignList(ctx, id, depotapi.AssignList{}))
			}),
		sdkFails(http.StatusConflict, "a request to assign a completed shopping list", stateCompletedList,
			http.MethodPost, "/api/shopping-lists/${shoppingListId}/assign", byBot).
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.AssignList(ctx, id, bot)) }),
		sdkFails(http.StatusBadRequest, "a request to complete a shopping list by no bot", stateCompletedList,
			http.MethodPost, "/api/shopping-lists/${shoppingListId}/complete", noBot, "botId").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.CompleteList(ctx, id, depotapi.AssignList{}))
			}),
		sdkFails(http.StatusConflict, "a request to complete a shopping list that another bot completed", stateCompletedList,
			http.MethodPost, "/api/shopping-lists/${shoppingListId}/complete", byBot).
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.CompleteList(ctx, id, bot)) }),
		sdkFails(http.StatusNotFound, "a request to assign a shopping list that does not exist", stateBot,
			http.MethodPost, "/api/shopping-lists/"+missingID+"/assign", byBot).
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.AssignList(ctx, missingID, bot))
			}),
	}
}
