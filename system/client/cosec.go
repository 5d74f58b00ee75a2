package client

import (
	"context"
	"net/http"
	"net/url"

	"github.com/mallbots/mallbots/system/cosec/cosecapi"
)

const cosec = cosecapi.Context

// Saga reads the create-order saga of an order, for diagnosis.
func (c *Client) Saga(ctx context.Context, orderID string) (out cosecapi.Saga, err error) {
	return out, c.Do(ctx, cosec, http.MethodGet, "/api/sagas/"+url.PathEscape(orderID), nil, &out)
}
