//go:build pact

package consumer

import (
	"context"
	"net/http"
	"testing"

	"github.com/pact-foundation/pact-go/v2/matchers"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
)

// Provider states of the order life, shared by the contexts that show a
// part of it (ordering, payments, depot, cosec, notifications, search).
const (
	// stateCompletedOrder answers orderId and the ids around the order:
	// basketId, customerId, paymentId, invoiceId, shoppingListId.
	stateCompletedOrder = "a completed order exists"
	stateApprovedOrder  = "an approved order exists"
)

// sdkOrder is the completed order of two pencils.
var sdkOrder = orderingapi.Order{ID: sdkEx["orderId"], BasketID: sdkEx["basketId"], CustomerID: sdkEx["customerId"],
	PaymentID: sdkEx["paymentId"], TotalCents: 500, Status: orderingapi.StatusCompleted,
	ShoppingListID: sdkEx["shoppingListId"],
	Items: []orderingapi.Item{{ProductID: sdkEx["productId"], ProductName: "Pencil", StoreID: sdkEx["storeId"],
		StoreName: "Corner Shop", PriceCents: 250, Quantity: 2}}}

// sdkOrderBody is the answer of o: its status (and reason) are exact.
func sdkOrderBody(o orderingapi.Order) map[string]any {
	it := o.Items[0]
	body := map[string]any{"orderId": sdkID("orderId"), "basketId": sdkID("basketId"), "customerId": sdkID("customerId"),
		"paymentId": sdkID("paymentId"), "totalCents": sdkCents(o.TotalCents), "status": string(o.Status),
		"shoppingListId": sdkID("shoppingListId"),
		"items": matchers.EachLike(map[string]any{"productId": sdkID("productId"), "productName": matchers.Like(it.ProductName),
			"storeId": sdkID("storeId"), "storeName": matchers.Like(it.StoreName),
			"priceCents": sdkCents(it.PriceCents), "quantity": matchers.Integer(it.Quantity)}, 1)}
	if o.Reason != "" {
		body["reason"] = o.Reason
	}
	return body
}

// TestClientOrdering: every ordering endpoint the typed client calls.
func TestClientOrdering(t *testing.T) {
	sdkVerify(t, orderingapi.Context, append(sdkOrderCalls(), sdkOrderErrors()...))
}

func sdkOrderCalls() []sdkCall {
	id := sdkEx["orderId"]
	list := map[string]any{"orders": matchers.EachLike(sdkOrderBody(sdkOrder), 1)}
	cancelled := sdkOrder
	cancelled.Status, cancelled.Reason = orderingapi.StatusCanceled, "found it cheaper"
	return []sdkCall{
		{desc: "a request for an order", state: stateCompletedOrder, method: http.MethodGet, path: "/api/orders/${orderId}",
			status: http.StatusOK, answer: sdkOrderBody(sdkOrder), want: sdkOrder,
			call: func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.Order(ctx, id)) }},
		{desc: "a request for the orders of a basket", state: stateCompletedOrder, method: http.MethodGet,
			path: "/api/orders", query: map[string]string{"basketId": "${basketId}"},
			status: http.StatusOK, answer: list, want: orderingapi.OrderList{Orders: []orderingapi.Order{sdkOrder}},
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.OrdersByBasket(ctx, sdkEx["basketId"]))
			}},
		{desc: "a request for the orders of a customer", state: stateCompletedOrder, method: http.MethodGet,
			path: "/api/orders", query: map[string]string{"customerId": "${customerId}"},
			status: http.StatusOK, answer: list, want: orderingapi.OrderList{Orders: []orderingapi.Order{sdkOrder}},
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.OrdersByCustomer(ctx, sdkEx["customerId"]))
			}},
		{desc: "a request to cancel an order", state: stateApprovedOrder, method: http.MethodPost,
			path: "/api/orders/${orderId}/cancel", body: map[string]any{"reason": cancelled.Reason},
			status: http.StatusOK, answer: sdkOrderBody(cancelled), want: cancelled,
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.CancelOrder(ctx, id, orderingapi.CancelOrder{Reason: cancelled.Reason}))
			}},
	}
}

// sdkOrderErrors: an unknown id, queries without a criterion, a reason
// that cannot be stored and an order past cancelling.
func sdkOrderErrors() []sdkCall {
	id := sdkEx["orderId"]
	return []sdkCall{
		sdkFails(http.StatusNotFound, "a request for an order that does not exist", "",
			http.MethodGet, "/api/orders/"+missingID, nil).
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.Order(ctx, missingID)) }),
		sdkFails(http.StatusBadRequest, "a request for the orders of no basket", "",
			http.MethodGet, "/api/orders", nil, "basketId").withQuery("basketId", "").
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.OrdersByBasket(ctx, "")) }),
		sdkFails(http.StatusBadRequest, "a request for the orders of no customer", "",
			http.MethodGet, "/api/orders", nil, "customerId").withQuery("customerId", "").
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.OrdersByCustomer(ctx, "")) }),
		sdkFails(http.StatusBadRequest, "a request to cancel an order with a reason holding a control character",
			stateCompletedOrder, http.MethodPost, "/api/orders/${orderId}/cancel",
			map[string]any{"reason": "found it\tcheaper"}, "reason").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.CancelOrder(ctx, id, orderingapi.CancelOrder{Reason: "found it\tcheaper"}))
			}),
		sdkFails(http.StatusConflict, "a request to cancel a completed order", stateCompletedOrder,
			http.MethodPost, "/api/orders/${orderId}/cancel", map[string]any{"reason": "too late"}).
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.CancelOrder(ctx, id, orderingapi.CancelOrder{Reason: "too late"}))
			}),
	}
}
