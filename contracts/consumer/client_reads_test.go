//go:build pact

package consumer

import (
	"context"
	"net/http"
	"testing"

	"github.com/pact-foundation/pact-go/v2/matchers"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/system/search/searchapi"
)

// The read-only APIs: cosec's sagas, notifications' SMS and search's
// orders, each shown for the completed order.

// sdkSaga is the succeeded saga of the completed order.
var sdkSaga = cosecapi.Saga{OrderID: sdkEx["orderId"], Status: cosecapi.StatusSucceeded,
	CurrentStep: cosecapi.StepApproveOrder, Deadline: sdkTime, ShoppingListID: sdkEx["shoppingListId"],
	History:   []cosecapi.StepRecord{{Step: cosecapi.StepAuthorizeCustomer, Outcome: "succeeded", At: sdkTime}},
	StartedAt: sdkTime, UpdatedAt: sdkTime}

// TestClientCosec: the saga of an order, for diagnosis.
func TestClientCosec(t *testing.T) {
	body := map[string]any{"orderId": sdkID("orderId"), "status": string(sdkSaga.Status),
		"currentStep": matchers.Like(sdkSaga.CurrentStep), "deadline": sdkTimestamp(),
		"shoppingListId": sdkID("shoppingListId"), "startedAt": sdkTimestamp(), "updatedAt": sdkTimestamp(),
		"history": matchers.EachLike(map[string]any{"step": matchers.Like(cosecapi.StepAuthorizeCustomer),
			"outcome": matchers.Like("succeeded"), "at": sdkTimestamp()}, 1)}
	sdkVerify(t, cosecapi.Context, []sdkCall{
		{desc: "a request for the saga of an order", state: stateCompletedOrder, method: http.MethodGet,
			path: "/api/sagas/${orderId}", status: http.StatusOK, answer: body, want: sdkSaga,
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.Saga(ctx, sdkEx["orderId"]))
			}},
		sdkFails(http.StatusNotFound, "a request for the saga of an order that does not exist", "",
			http.MethodGet, "/api/sagas/"+missingID, nil).
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.Saga(ctx, missingID)) }),
	})
}

// sdkNotification is the first SMS of the completed order.
var sdkNotification = notificationsapi.Notification{IdempotencyKey: "sms:order_created:" + sdkEx["orderId"],
	CustomerID: sdkEx["customerId"], OrderID: sdkEx["orderId"], Kind: notificationsapi.KindOrderCreated,
	To: "+14155550123", Body: "Hi Ada, we got your order", Status: notificationsapi.StatusSent, Attempts: 1,
	RequestedAt: sdkTime}

// TestClientNotifications: the SMS of a customer's order.
func TestClientNotifications(t *testing.T) {
	n := sdkNotification
	body := map[string]any{"notifications": matchers.EachLike(map[string]any{
		"idempotencyKey": matchers.Like(n.IdempotencyKey), "customerId": sdkID("customerId"), "orderId": sdkID("orderId"),
		"kind": matchers.Like(n.Kind), "to": matchers.Like(n.To), "body": matchers.Like(n.Body),
		"status": matchers.Like(n.Status), "attempts": matchers.Integer(n.Attempts), "requestedAt": sdkTimestamp(),
	}, 1)}
	sdkVerify(t, notificationsapi.Context, []sdkCall{
		{desc: "a request for the notifications of a customer's order", state: stateCompletedOrder, method: http.MethodGet,
			path: "/api/notifications", query: map[string]string{"customerId": "${customerId}", "orderId": "${orderId}"},
			status: http.StatusOK, answer: body,
			want: notificationsapi.NotificationList{Notifications: []notificationsapi.Notification{n}},
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.Notifications(ctx, sdkEx["customerId"], sdkEx["orderId"]))
			}},
		sdkFails(http.StatusBadRequest, "a request for the notifications of no one", "",
			http.MethodGet, "/api/notifications", nil, "customerId").
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.Notifications(ctx, "", "")) }),
	})
}

// sdkFound is the completed order as search shows it.
var sdkFound = searchapi.Order{OrderID: sdkEx["orderId"], CustomerID: sdkEx["customerId"], CustomerName: "Ada Lovelace",
	Status: "completed", TotalCents: 500, CreatedAt: sdkTime, UpdatedAt: sdkTime,
	Items: []searchapi.OrderItem{{ProductID: sdkEx["productId"], ProductName: "Pencil", StoreID: sdkEx["storeId"],
		StoreName: "Corner Shop", PriceCents: 250, Quantity: 2}}}

// TestClientSearch: the order search.
func TestClientSearch(t *testing.T) {
	o, it := sdkFound, sdkFound.Items[0]
	body := map[string]any{"orders": matchers.EachLike(map[string]any{
		"orderId": sdkID("orderId"), "customerId": sdkID("customerId"), "customerName": matchers.Like(o.CustomerName),
		"status": matchers.Like(o.Status), "totalCents": sdkCents(o.TotalCents),
		"createdAt": sdkTimestamp(), "updatedAt": sdkTimestamp(),
		"items": matchers.EachLike(map[string]any{"productId": sdkID("productId"), "productName": matchers.Like(it.ProductName),
			"storeId": sdkID("storeId"), "storeName": matchers.Like(it.StoreName),
			"priceCents": sdkCents(it.PriceCents), "quantity": matchers.Integer(it.Quantity)}, 1),
	}, 1)}
	sdkVerify(t, searchapi.Context, []sdkCall{
		{desc: "a search for the orders of a customer", state: stateCompletedOrder, method: http.MethodGet,
			path: searchapi.OrdersPath, query: map[string]string{searchapi.ParamCustomerID: "${customerId}"},
			status: http.StatusOK, answer: body, want: searchapi.OrderList{Orders: []searchapi.Order{o}},
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.SearchOrders(ctx, searchapi.OrderQuery{CustomerID: sdkEx["customerId"]}))
			}},
		sdkFails(http.StatusBadRequest, "a search for more orders than a page holds", "",
			http.MethodGet, searchapi.OrdersPath, nil, searchapi.ParamLimit).withQuery(searchapi.ParamLimit, "1000").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.SearchOrders(ctx, searchapi.OrderQuery{Limit: 1000}))
			}),
	})
}
