// Package customerslookup is what another context uses to know which
// customers exist without owning them: a router that caches customers'
// CustomerRegistered (event-carried state transfer), and a REST check for a
// customer the cache does not hold yet (a consumer contract with
// customers). Baskets and payments refuse unknown customers with both.
package customerslookup

import (
	"context"
	"fmt"
	"net/http"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// Cache is what the router updates.
type Cache interface {
	CacheCustomer(ctx context.Context, tx pgx.Tx, id string) error
}

// Router routes CustomerRegistered into c for the durable consumer named
// consumer. A customer is never removed, and its other events change
// nothing a customer's existence depends on.
func Router(consumer string, c Cache) *inbox.Router {
	r := inbox.NewRouter(consumer)
	inbox.On(r, customersapi.Subject(customersapi.CustomerRegistered{}.EventName()),
		func(ctx context.Context, tx pgx.Tx, env msg.Envelope, e *customersapi.CustomerRegistered) error {
			if err := inbox.CheckAggregate(env, e.ID); err != nil {
				return err
			}
			if !msg.CanonicalID(e.ID) {
				return bus.Permanent(fmt.Errorf("%s %s: the customer id is missing or malformed", env.Name, env.ID))
			}
			return c.CacheCustomer(ctx, tx, e.ID)
		})
	return r
}

// API asks customers' REST API through the typed client.
type API struct{ c *client.Client }

// New returns the REST check over a client that knows the customers base URL.
func New(c *client.Client) API { return API{c: c} }

// Exists reads the customer; false when customers answers 404.
func (a API) Exists(ctx context.Context, id string) (bool, error) {
	_, err := a.c.Customer(ctx, id)
	if client.StatusOf(err) == http.StatusNotFound {
		return false, nil
	}
	return err == nil, err
}
