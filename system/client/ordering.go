package client

import (
	"context"
	"net/http"
	"net/url"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
)

const ordering = orderingapi.Context

// Order reads one order.
func (c *Client) Order(ctx context.Context, id string) (out orderingapi.Order, err error) {
	return out, c.Do(ctx, ordering, http.MethodGet, orderPath(id), nil, &out)
}

// OrdersByBasket lists the orders made from a basket (at most one).
func (c *Client) OrdersByBasket(ctx context.Context, basketID string) (out orderingapi.OrderList, err error) {
	q := url.Values{"basketId": {basketID}}
	return out, c.Do(ctx, ordering, http.MethodGet, "/api/orders?"+q.Encode(), nil, &out)
}

// OrdersByCustomer lists a customer's orders, oldest first.
func (c *Client) OrdersByCustomer(ctx context.Context, customerID string) (out orderingapi.OrderList, err error) {
	q := url.Values{"customerId": {customerID}}
	return out, c.Do(ctx, ordering, http.MethodGet, "/api/orders?"+q.Encode(), nil, &out)
}

// CancelOrder cancels a pending or approved order.
func (c *Client) CancelOrder(ctx context.Context, id string, in orderingapi.CancelOrder) (out orderingapi.Order, err error) {
	return out, c.Do(ctx, ordering, http.MethodPost, orderPath(id)+"/cancel", in, &out)
}

func orderPath(id string) string { return "/api/orders/" + url.PathEscape(id) }
