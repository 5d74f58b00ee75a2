package consumers

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/notifications/domain"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// OrderingConsumer is the durable consumer of ordering's events.
const OrderingConsumer = "notifications-ordering"

// SMSRequester is what the ordering consumer asks for.
type SMSRequester interface {
	RequestSMS(ctx context.Context, tx pgx.Tx, order orderingapi.Order, kind string) error
}

// Ordering routes each order event a customer hears about to the SMS of its
// kind. A customer the cache does not hold yet fails the message, and the
// bus delivers it again later.
func Ordering(s SMSRequester) *inbox.Router {
	r := inbox.NewRouter(OrderingConsumer)
	onOrder[orderingapi.OrderCreated](r, s, notificationsapi.KindOrderCreated)
	onOrder[orderingapi.OrderReadied](r, s, notificationsapi.KindOrderReady)
	onOrder[orderingapi.OrderCanceled](r, s, notificationsapi.KindOrderCanceled)
	onOrder[orderingapi.OrderCompleted](r, s, notificationsapi.KindOrderCompleted)
	return r
}

func onOrder[E orderingapi.OrderEvent](r *inbox.Router, s SMSRequester, kind string) {
	var e E
	inbox.On(r, orderingapi.Subject(e.EventName()), func(ctx context.Context, tx pgx.Tx, _ msg.Envelope, p *E) error {
		return permanentIfInvalid(s.RequestSMS(ctx, tx, (*p).OrderState(), kind))
	})
}

// permanentIfInvalid dead-letters at once an event that no retry can fix.
func permanentIfInvalid(err error) error {
	if errors.Is(err, domain.ErrInvalid) {
		return bus.Permanent(err)
	}
	return err
}
