package client

import (
	"context"
	"net/http"
	"net/url"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
)

const baskets = basketsapi.Context

// StartBasket starts a basket for a customer.
func (c *Client) StartBasket(ctx context.Context, in basketsapi.StartBasket) (out basketsapi.Basket, err error) {
	return out, c.Do(ctx, baskets, http.MethodPost, "/api/baskets", in, &out)
}

// Basket reads one basket.
func (c *Client) Basket(ctx context.Context, id string) (out basketsapi.Basket, err error) {
	return out, c.Do(ctx, baskets, http.MethodGet, basketPath(id), nil, &out)
}

// AddItem adds a quantity of a product to a basket.
func (c *Client) AddItem(ctx context.Context, id string, in basketsapi.AddItem) (out basketsapi.Basket, err error) {
	return out, c.Do(ctx, baskets, http.MethodPost, basketPath(id)+"/items", in, &out)
}

// RemoveItem removes a product's line from a basket.
func (c *Client) RemoveItem(ctx context.Context, id, productID string) (out basketsapi.Basket, err error) {
	return out, c.Do(ctx, baskets, http.MethodDelete, basketPath(id)+"/items/"+url.PathEscape(productID), nil, &out)
}

// CancelBasket abandons a basket.
func (c *Client) CancelBasket(ctx context.Context, id string) (out basketsapi.Basket, err error) {
	return out, c.Do(ctx, baskets, http.MethodPost, basketPath(id)+"/cancel", nil, &out)
}

// CheckoutBasket checks a basket out with a payment.
func (c *Client) CheckoutBasket(ctx context.Context, id string, in basketsapi.Checkout) (out basketsapi.Basket, err error) {
	return out, c.Do(ctx, baskets, http.MethodPost, basketPath(id)+"/checkout", in, &out)
}

func basketPath(id string) string { return "/api/baskets/" + url.PathEscape(id) }
