// Package customersrest asks the customers context's REST API whether a
// customer that the baskets cache does not hold yet exists (a consumer
// contract).
package customersrest

import (
	"context"
	"net/http"

	"github.com/mallbots/mallbots/system/client"
)

// Customers answers through the typed client.
type Customers struct{ c *client.Client }

// New returns the adapter over a client that knows the customers base URL.
func New(c *client.Client) Customers { return Customers{c: c} }

// Exists reads the customer; false when customers answers 404.
func (s Customers) Exists(ctx context.Context, id string) (bool, error) {
	_, err := s.c.Customer(ctx, id)
	if client.StatusOf(err) == http.StatusNotFound {
		return false, nil
	}
	return err == nil, err
}
