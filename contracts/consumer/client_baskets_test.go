//go:build pact

package consumer

import (
	"context"
	"net/http"
	"testing"

	"github.com/pact-foundation/pact-go/v2/matchers"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/client"
)

// Provider states of the baskets API.
const (
	stateOpenBasket      = "an open basket exists"
	stateBasketToFill    = "an open basket and a product exist"
	stateBasketWithItem  = "a basket with an item exists"
	stateCancelledBasket = "a cancelled basket exists"
)

var (
	sdkBasket = basketsapi.Basket{ID: sdkEx["basketId"], CustomerID: sdkEx["customerId"], Status: basketsapi.StatusOpen,
		Items: []basketsapi.Item{}}
	// sdkItem is two of the states' product (2.50 each).
	sdkItem = basketsapi.Item{StoreID: sdkEx["storeId"], StoreName: "Corner Shop", ProductID: sdkEx["productId"],
		ProductName: "Pencil", PriceCents: 250, Quantity: 2}
)

// sdkBasketBody is the answer of b: its status is exact, so is the
// quantity of its one item.
func sdkBasketBody(b basketsapi.Basket) map[string]any {
	body := map[string]any{"basketId": sdkID("basketId"), "customerId": sdkID("customerId"), "status": string(b.Status),
		"items": []any{}, "totalCents": sdkCents(b.TotalCents)}
	if len(b.Items) > 0 {
		it := b.Items[0]
		body["items"] = matchers.EachLike(map[string]any{"storeId": sdkID("storeId"), "storeName": matchers.Like(it.StoreName),
			"productId": sdkID("productId"), "productName": matchers.Like(it.ProductName),
			"priceCents": sdkCents(it.PriceCents), "quantity": it.Quantity}, 1)
	}
	if b.PaymentID != "" {
		body["paymentId"] = sdkID("paymentId")
	}
	return body
}

func withBasket(change func(*basketsapi.Basket)) basketsapi.Basket {
	b := sdkBasket
	change(&b)
	return b
}

// TestClientBaskets: every baskets endpoint the typed client calls.
func TestClientBaskets(t *testing.T) {
	sdkVerify(t, basketsapi.Context, append(sdkBasketCalls(), sdkBasketErrors()...))
}

func sdkBasketCalls() []sdkCall {
	id, product := sdkEx["basketId"], sdkEx["productId"]
	filled := withBasket(func(b *basketsapi.Basket) { b.Items, b.TotalCents = []basketsapi.Item{sdkItem}, 500 })
	canceled := withBasket(func(b *basketsapi.Basket) { b.Status = basketsapi.StatusCanceled })
	checkedOut := withBasket(func(b *basketsapi.Basket) {
		b.Status, b.Items, b.TotalCents, b.PaymentID = basketsapi.StatusCheckedOut, filled.Items, 500, sdkEx["paymentId"]
	})
	return []sdkCall{
		{desc: "a request to start a basket", state: StateCustomer, method: http.MethodPost, path: "/api/baskets",
			body:   map[string]any{"customerId": sdkValue("${customerId}")},
			status: http.StatusCreated, answer: sdkBasketBody(sdkBasket), want: sdkBasket,
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: sdkEx["customerId"]}))
			}},
		{desc: "a request for a basket", state: stateOpenBasket, method: http.MethodGet, path: "/api/baskets/${basketId}",
			status: http.StatusOK, answer: sdkBasketBody(sdkBasket), want: sdkBasket,
			call: func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.Basket(ctx, id)) }},
		{desc: "a request to add an item to a basket", state: stateBasketToFill, method: http.MethodPost,
			path: "/api/baskets/${basketId}/items", body: map[string]any{"productId": sdkValue("${productId}"), "quantity": 2},
			status: http.StatusOK, answer: sdkBasketBody(filled), want: filled,
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.AddItem(ctx, id, basketsapi.AddItem{ProductID: product, Quantity: 2}))
			}},
		{desc: "a request to remove an item from a basket", state: stateBasketWithItem, method: http.MethodDelete,
			path: "/api/baskets/${basketId}/items/${productId}", status: http.StatusOK,
			answer: sdkBasketBody(sdkBasket), want: sdkBasket,
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.RemoveItem(ctx, id, product))
			}},
		{desc: "a request to cancel a basket", state: stateOpenBasket, method: http.MethodPost,
			path: "/api/baskets/${basketId}/cancel", status: http.StatusOK, answer: sdkBasketBody(canceled), want: canceled,
			call: func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.CancelBasket(ctx, id)) }},
		{desc: "a request to check a basket out", state: stateBasketWithItem, method: http.MethodPost,
			path: "/api/baskets/${basketId}/checkout", body: map[string]any{"paymentId": sdkValue("${paymentId}")},
			status: http.StatusOK, answer: sdkBasketBody(checkedOut), want: checkedOut,
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.CheckoutBasket(ctx, id, basketsapi.Checkout{PaymentID: sdkEx["paymentId"]}))
			}},
	}
}

// sdkBasketErrors: unknown ids (a customer never registered among them),
// invalid documents and a closed basket.
func sdkBasketErrors() []sdkCall {
	id, product := sdkEx["basketId"], sdkEx["productId"]
	return []sdkCall{
		sdkFails(http.StatusBadRequest, "a request to start a basket for no customer", "",
			http.MethodPost, "/api/baskets", map[string]any{"customerId": ""}, "customerId").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.StartBasket(ctx, basketsapi.StartBasket{}))
			}),
		sdkFails(http.StatusNotFound, "a request to start a basket for a customer who was never registered", "",
			http.MethodPost, "/api/baskets", map[string]any{"customerId": missingID}).
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: missingID}))
			}),
		sdkFails(http.StatusNotFound, "a request for a basket that does not exist", "",
			http.MethodGet, "/api/baskets/"+missingID, nil).
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.Basket(ctx, missingID)) }),
		sdkFails(http.StatusBadRequest, "a request to add no quantity of a product to a basket", stateBasketToFill,
			http.MethodPost, "/api/baskets/${basketId}/items",
			map[string]any{"productId": sdkValue("${productId}"), "quantity": 0}, "quantity").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.AddItem(ctx, id, basketsapi.AddItem{ProductID: product}))
			}),
		sdkFails(http.StatusNotFound, "a request to remove an item that is not in the basket", stateOpenBasket,
			http.MethodDelete, "/api/baskets/${basketId}/items/"+missingID, nil).
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.RemoveItem(ctx, id, missingID))
			}),
		sdkFails(http.StatusConflict, "a request to cancel a cancelled basket", stateCancelledBasket,
			http.MethodPost, "/api/baskets/${basketId}/cancel", nil).
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.CancelBasket(ctx, id)) }),
		sdkFails(http.StatusBadRequest, "a request to check a basket out without a payment", stateBasketWithItem,
			http.MethodPost, "/api/baskets/${basketId}/checkout", map[string]any{"paymentId": ""}, "paymentId").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.CheckoutBasket(ctx, id, basketsapi.Checkout{}))
			}),
		sdkFails(http.StatusConflict, "a request to check an empty basket out", stateOpenBasket,
			http.MethodPost, "/api/baskets/${basketId}/checkout", map[string]any{"paymentId": sdkEx["paymentId"]}).
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.CheckoutBasket(ctx, id, basketsapi.Checkout{PaymentID: sdkEx["paymentId"]}))
			}),
	}
}
