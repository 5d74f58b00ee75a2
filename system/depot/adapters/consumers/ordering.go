package consumers

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// OrderingConsumer is the durable consumer of ordering's events.
const OrderingConsumer = "depot-ordering"

// OrderCancellation is what the ordering consumer drives.
type OrderCancellation interface {
	OrderCanceled(ctx context.Context, tx pgx.Tx, orderID string) error
}

// Ordering routes OrderCanceled into c: a cancelled order's list is
// cancelled unless it is completed.
func Ordering(c OrderCancellation) *inbox.Router {
	r := inbox.NewRouter(OrderingConsumer)
	inbox.On(r, orderingapi.Subject(orderingapi.OrderCanceled{}.EventName()),
		func(ctx context.Context, tx pgx.Tx, _ msg.Envelope, e *orderingapi.OrderCanceled) error {
			return permanent(c.OrderCanceled(ctx, tx, e.ID))
		})
	return r
}
