package client

import (
	"context"
	"net/http"

	"github.com/mallbots/mallbots/system/search/searchapi"
)

const search = searchapi.Context

// SearchOrders finds orders in the search read model, newest first; the
// zero fields of q do not filter.
func (c *Client) SearchOrders(ctx context.Context, q searchapi.OrderQuery) (out searchapi.OrderList, err error) {
	path := searchapi.OrdersPath
	if query := q.Encode(); query != "" {
		path += "?" + query
	}
	return out, c.Do(ctx, search, http.MethodGet, path, nil, &out)
}
