package consumers

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// PaymentsConsumer is the durable consumer of payments' events.
const PaymentsConsumer = "ordering-payments"

// OrderCompleter completes orders whose invoice is paid.
type OrderCompleter interface {
	CompleteOrder(ctx context.Context, tx pgx.Tx, orderID string) error
}

// Payments routes InvoicePaid to completing its order.
func Payments(a OrderCompleter) *inbox.Router {
	r := inbox.NewRouter(PaymentsConsumer)
	inbox.On(r, paymentsapi.Subject(paymentsapi.InvoicePaid{}.EventName()),
		func(ctx context.Context, tx pgx.Tx, env msg.Envelope, e *paymentsapi.InvoicePaid) error {
			if err := inbox.CheckAggregate(env, e.ID); err != nil {
				return err
			}
			return permanent(env, a.CompleteOrder(ctx, tx, e.OrderID))
		})
	return r
}
