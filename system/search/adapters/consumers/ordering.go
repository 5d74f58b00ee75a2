package consumers

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/search/app"
)

// OrderingConsumer is the durable consumer of ordering's events.
const OrderingConsumer = "search-ordering"

// OrderProjector is what the ordering consumer updates.
type OrderProjector interface {
	ProjectOrder(ctx context.Context, tx pgx.Tx, c app.OrderChange) error
}

// Ordering routes every order event into p, with the status each implies
// should its payload carry none.
func Ordering(p OrderProjector) *inbox.Router {
	r := inbox.NewRouter(OrderingConsumer)
	onOrder[orderingapi.OrderCreated](r, p, orderingapi.StatusPending)
	onOrder[orderingapi.OrderApproved](r, p, orderingapi.StatusApproved)
	onOrder[orderingapi.OrderRejected](r, p, orderingapi.StatusRejected)
	onOrder[orderingapi.OrderReadied](r, p, orderingapi.StatusReady)
	onOrder[orderingapi.OrderCompleted](r, p, orderingapi.StatusCompleted)
	onOrder[orderingapi.OrderCanceled](r, p, orderingapi.StatusCanceled)
	return r
}

func onOrder[E orderingapi.OrderEvent](r *inbox.Router, p OrderProjector, implied orderingapi.Status) {
	var e E
	created := e.EventName() == orderingapi.OrderCreated{}.EventName()
	inbox.On(r, orderingapi.Subject(e.EventName()), func(ctx context.Context, tx pgx.Tx, env msg.Envelope, ev *E) error {
		o := (*ev).OrderState()
		if err := inbox.CheckVersioned(env, o.ID); err != nil {
			return err
		}
		if o.CustomerID == "" {
			return bus.Permanent(fmt.Errorf("%s %s: order has no customer", env.Name, env.ID))
		}
		if o.Status == "" {
			o.Status = implied
		}
		return permanentIfData(p.ProjectOrder(ctx, tx, app.OrderChange{
			Order: o, Version: env.AggregateVersion, OccurredAt: env.OccurredAt, Created: created,
		}))
	})
}
