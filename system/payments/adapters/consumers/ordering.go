// Package consumers maps the events the payments context consumes from
// ordering onto its use cases. Each handler runs inside the inbox
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

// Invoicing is what ordering's events drive.
type Invoicing interface {
	CreateInvoice(ctx context.Context, tx pgx.Tx, b domain.Billing) error
	CancelInvoice(ctx context.Context, tx pgx.Tx, orderID string) error
}

// Ordering routes OrderReadied to opening the order's invoice and
// OrderCanceled to cancelling it.
func Ordering(a Invoicing) *inbox.Router {
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
			if err := inbox.CheckAggregate(env, e.ID); err != nil {
				return err
			}
			if e.ID == "" || len(e.ID) > domain.MaxIDLength || !domain.Printable(e.ID) {
				return bus.Permanent(fmt.Errorf("%s %s: the order id is missing or malformed", env.Name, env.ID))
			}
			return a.CancelInvoice(ctx, tx, e.ID)
		})
	return r
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
