// Package storesrest asks the stores context's REST API about a product or
// a store that the baskets cache does not hold yet (a consumer contract).
package storesrest

import (
	"context"
	"net/http"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// Stores answers through the typed client.
type Stores struct{ c *client.Client }

// New returns the adapter over a client that knows the stores base URL.
func New(c *client.Client) Stores { return Stores{c: c} }

// Product reads a product; found is false when stores answers 404.
func (s Stores) Product(ctx context.Context, id string) (storesapi.Product, bool, error) {
	return known(s.c.Product(ctx, id))
}

// Store reads a store; found is false when stores answers 404.
func (s Stores) Store(ctx context.Context, id string) (storesapi.Store, bool, error) {
	return known(s.c.Store(ctx, id))
}

func known[T any](v T, err error) (T, bool, error) {
	if client.StatusOf(err) == http.StatusNotFound {
		return v, false, nil
	}
	return v, err == nil, err
}
