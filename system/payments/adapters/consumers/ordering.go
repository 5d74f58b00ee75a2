// Package consumers maps the events the payments context consumes from
// ordering and customers onto its use cases. Each handler runs inside the inbox
// transaction, so a message delivered twice has one effect.
package consumers

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// Consumer is the durable consumer of ordering's events.
const Consumer = "payments-ordering"

// Payments is what ordering's events drive.
type Payments interface {
	CreateInvoice(ctx context.Context, tx pgx.Tx, b domain.Billing) error
	CancelInvoice(ctx context.Context, tx pgx.Tx, orderID string) error
	ReleasePayment(ctx context.Context, tx pgx.Tx, o domain.EndedOrder) error
}

// Ordering routes OrderReadied to opening the order's invoice, OrderCanceled
// to cancelling it and releasing the order's payment, and OrderRejected to
// releasing the payment.
func Ordering(a Payments) *inbox.Router {
	r := inbox.NewRouter(Consumer)
	inbox.On(r, orderingapi.Subject(orderingapi.OrderReadied{}.EventName()),
		func(ctx context.Context, tx pgx.Tx, env msg.Envelope, e *orderingapi.OrderReadied) error {
			if err := inbox.CheckAggregate(env, e.ID); err != nil {
				return err
			}
			b := domain.Billing{OrderID: e.ID, CustomerID: e.CustomerID, PaymentID: e.PaymentID, AmountCents: e.TotalCents}
			return permanent(env, a.CreateInvoice(ctx, tx, b))
		})
	inbox.On(r, orderingapi.Subject(orderingapi.OrderCanceled{}.EventName()),
		func(ctx context.Context, tx pgx.Tx, env msg.Envelope, e *orderingapi.OrderCanceled) error {
			if err := endedOrder(env, e.Order); err != nil {
				return err
			}
			if err := a.CancelInvoice(ctx, tx, e.ID); err != nil {
				return err
			}
			return a.ReleasePayment(ctx, tx, ended(e.Order))
		})
	inbox.On(r, orderingapi.Subject(orderingapi.OrderRejected{}.EventName()),
		func(ctx context.Context, tx pgx.Tx, env msg.Envelope, e *orderingapi.OrderRejected) error {
			if err := endedOrder(env, e.Order); err != nil {
				return err
			}
			return a.ReleasePayment(ctx, tx, ended(e.Order))
		})
	return r
}

// endedOrder checks the order of a rejection or a cancellation: an order id
// no retry can make usable dead-letters the event.
func endedOrder(env msg.Envelope, o orderingapi.Order) error {
	if err := inbox.CheckAggregate(env, o.ID); err != nil {
		return err
	}
	if o.ID == "" || len(o.ID) > domain.MaxIDLength || !domain.Printable(o.ID) {
		return bus.Permanent(fmt.Errorf("%s %s: the order id is missing or malformed", env.Name, env.ID))
	}
	return nil
}

func ended(o orderingapi.Order) domain.EndedOrder {
	return domain.EndedOrder{OrderID: o.ID, CustomerID: o.CustomerID, PaymentID: o.PaymentID}
}

// permanent dead-letters an event no retry can make usable: invalid content.
// Infrastructure errors stay retryable.
func permanent(env msg.Envelope, err error) error {
	e, ok := apperr.As(err)
	if !ok || e.Kind != apperr.KindInvalid {
		return err
	}
	reasons := make([]string, 0, len(e.Fields))
	for _, f := range e.Fields {
		reasons = append(reasons, f.Field+" "+f.Reason)
	}
	return bus.Permanent(fmt.Errorf("%s %s: %w: %s", env.Name, env.ID, err, strings.Join(reasons, "; ")))
}
