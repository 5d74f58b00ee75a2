package consumers

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// CustomersConsumer is the durable consumer of customers' events.
const CustomersConsumer = "search-customers"

// CustomerProjector is what the customers consumer updates.
type CustomerProjector interface {
	ProjectCustomer(ctx context.Context, tx pgx.Tx, c customersapi.Customer, version int) error
}

// Customers routes every customers event into p: each carries the full
// customer, its name included, so any of them may bring a new name.
func Customers(p CustomerProjector) *inbox.Router {
	r := inbox.NewRouter(CustomersConsumer)
	onCustomer[customersapi.CustomerRegistered](r, p)
	onCustomer[customersapi.CustomerSmsNumberChanged](r, p)
	onCustomer[customersapi.CustomerEnabled](r, p)
	onCustomer[customersapi.CustomerDisabled](r, p)
	return r
}

func onCustomer[E customersapi.CustomerEvent](r *inbox.Router, p CustomerProjector) {
	var e E
	inbox.On(r, customersapi.Subject(e.EventName()), func(ctx context.Context, tx pgx.Tx, env msg.Envelope, ev *E) error {
		c := (*ev).CustomerState()
		if err := inbox.CheckVersioned(env, c.ID); err != nil {
			return err
		}
		return permanentIfData(p.ProjectCustomer(ctx, tx, c, env.AggregateVersion))
	})
}
