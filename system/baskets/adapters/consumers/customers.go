package consumers

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// CustomersConsumer is the durable consumer of customers' events.
const CustomersConsumer = "baskets-customers"

// CustomerCache is what the customers consumer updates.
type CustomerCache interface {
	CacheCustomer(ctx context.Context, tx pgx.Tx, id string) error
}

// Customers routes customers' CustomerRegistered into the cache of the
// customers a basket may be started for. A customer is never removed and
// its other events change nothing a basket needs.
func Customers(c CustomerCache) *inbox.Router {
	r := inbox.NewRouter(CustomersConsumer)
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
