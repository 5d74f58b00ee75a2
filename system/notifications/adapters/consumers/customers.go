package consumers

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// CustomersConsumer is the durable consumer of customers' events.
const CustomersConsumer = "notifications-customers"

// CustomerCache is what the customers consumer updates.
type CustomerCache interface {
	CacheCustomer(ctx context.Context, tx pgx.Tx, c customersapi.Customer, version int) error
}

// Customers routes every customers event into the cache: each carries the
// customer's full state.
func Customers(c CustomerCache) *inbox.Router {
	r := inbox.NewRouter(CustomersConsumer)
	onCustomer[customersapi.CustomerRegistered](r, c)
	onCustomer[customersapi.CustomerSmsNumberChanged](r, c)
	onCustomer[customersapi.CustomerEnabled](r, c)
	onCustomer[customersapi.CustomerDisabled](r, c)
	return r
}

func onCustomer[E customersapi.CustomerEvent](r *inbox.Router, c CustomerCache) {
	var e E
	inbox.On(r, customersapi.Subject(e.EventName()), func(ctx context.Context, tx pgx.Tx, env msg.Envelope, p *E) error {
		cust := (*p).CustomerState()
		if err := inbox.CheckVersioned(env, cust.ID); err != nil {
			return err
		}
		return permanentIfInvalid(c.CacheCustomer(ctx, tx, cust, env.AggregateVersion))
	})
}
