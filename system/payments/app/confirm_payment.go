package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// ConfirmPayment confirms an authorized payment for an order, within the
// inbox transaction tx. An unknown payment, another customer's, an amount
// other than the authorized one, or a payment confirmed for another order
// is rejected; confirming again for the same order succeeds with no new
// event. Its result is the payment.
func (a *App) ConfirmPayment(ctx context.Context, tx pgx.Tx, _ msg.Envelope, cmd *paymentsapi.ConfirmPayment) (any, error) {
	if !msg.CanonicalID(cmd.PaymentID) {
		return nil, command.Reject("payment %q not found", cmd.PaymentID)
	}
	p, found, err := a.payments.Lock(ctx, tx, cmd.PaymentID)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, command.Reject("payment %q not found", cmd.PaymentID)
	}
	if err := p.Confirm(cmd.CustomerID, cmd.OrderID, cmd.AmountCents); err != nil {
		return nil, rejection(err)
	}
	if err := a.payments.Save(ctx, tx, p); err != nil {
		return nil, err
	}
	return p.State, nil
}
