package payments_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments/adapters/consumers"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// ended publishes the event that ends an order: rejected or cancelled.
type ended func(m *mall, t testing.TB, ctx context.Context, o orderingapi.Order) (msg.Envelope, uint64)

var endings = map[string]ended{
	"OrderRejected": (*mall).rejected,
	"OrderCanceled": (*mall).cancelled,
}

// TestAnEndedOrderReleasesItsPayment: an order rejected or cancelled after
// its payment was confirmed releases the payment, once: PaymentReleased
// carries the payment, released for the order, and GET shows it released.
// The event delivered again (a redelivery, or ordering republishing it)
// changes nothing.
func TestAnEndedOrderReleasesItsPayment(t *testing.T) {
	t.Parallel()
	for name, end := range endings {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m := startPayments(t) // of its own: each reads every PaymentReleased
			ctx := testContext(t)
			events := systest.ReadWire(t, m.env.NATS.URL(), paymentsapi.Subject("PaymentReleased"))
			o, p := m.confirmedOrder(t, ctx)

			sent, _ := end(m, t, ctx, o)
			e := events.Next(t)
			assert.Equal(t, p.ID, e.AggregateID)
			assert.Equal(t, 3, e.AggregateVersion, "authorized, confirmed, released")
			assert.Equal(t, sent.ID, e.CausationID, "caused by ordering's "+name)
			want := p
			want.Status = paymentsapi.PaymentStatusReleased
			assert.Equal(t, want, systest.Payload[paymentsapi.PaymentReleased](t, e).Payment)
			t.Logf("PaymentReleased on the wire: %s", systest.MustJSON(t, e))
			got, err := m.c.Payment(ctx, p.ID)
			require.NoError(t, err)
			assert.Equal(t, want, got, "GET shows the payment released")

			end(m, t, ctx, o)
			_, seq := end(m, t, ctx, o)
			systest.AwaitAcked(t, ctx, m.bus.JetStream(), consumers.Consumer, seq)
			barrier, _ := m.confirmedOrder(t, ctx)
			end(m, t, ctx, barrier)
			assert.Equal(t, barrier.PaymentID, events.Next(t).AggregateID, "no second PaymentReleased before the barrier's")
		})
	}
}

// TestAReleaseKeepsWhatIsNotTheOrders: the payment of a rejected order that
// was never confirmed is released; one confirmed for another order, another
// customer's, or an unknown one is kept, and the event is handled (not
// dead-lettered).
func TestAReleaseKeepsWhatIsNotTheOrders(t *testing.T) {
	t.Parallel()
	m := startPayments(t)
	ctx := testContext(t)
	tests := []struct {
		name string
		// ending returns the order whose end payments hears of, after
		// doing to p what the case needs; o is paid by p.
		ending func(t testing.TB, p paymentsapi.Payment, o orderingapi.Order) orderingapi.Order
		want   paymentsapi.PaymentStatus
	}{
		{"never confirmed", func(_ testing.TB, _ paymentsapi.Payment, o orderingapi.Order) orderingapi.Order {
			return o
		}, paymentsapi.PaymentStatusReleased},
		{"confirmed for another order", func(t testing.TB, p paymentsapi.Payment, o orderingapi.Order) orderingapi.Order {
			other := o
			other.ID = msg.NewID()
			m.withConfirmation(t, ctx, p, other)
			return o
		}, paymentsapi.PaymentStatusConfirmed},
		{"another customer's", func(t testing.TB, p paymentsapi.Payment, o orderingapi.Order) orderingapi.Order {
			o = m.withConfirmation(t, ctx, p, o)
			o.CustomerID = "customer-" + msg.NewID()
			return o
		}, paymentsapi.PaymentStatusConfirmed},
		{"unknown", func(_ testing.TB, _ paymentsapi.Payment, o orderingapi.Order) orderingapi.Order {
			o.PaymentID = msg.NewID()
			return o
		}, paymentsapi.PaymentStatusAuthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := order()
			o.CustomerID = m.customer(t, ctx)
			p := m.authorize(t, ctx, o.CustomerID, o.TotalCents)
			o.PaymentID = p.ID
			_, seq := m.rejected(t, ctx, tt.ending(t, p, o))
			systest.AwaitAcked(t, ctx, m.bus.JetStream(), consumers.Consumer, seq)
			got, err := m.c.Payment(ctx, p.ID)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.Status)
		})
	}
}

// confirmedOrder authorizes a payment for a new order and confirms it for
// the order, as the saga does; it returns both.
func (m *mall) confirmedOrder(t testing.TB, ctx context.Context) (orderingapi.Order, paymentsapi.Payment) {
	t.Helper()
	o := order()
	o.CustomerID = m.customer(t, ctx)
	p := m.authorize(t, ctx, o.CustomerID, o.TotalCents)
	o = m.withConfirmation(t, ctx, p, o)
	p.Status, p.OrderID = paymentsapi.PaymentStatusConfirmed, o.ID
	return o, p
}

// withConfirmation confirms p for o and returns o paid by p.
func (m *mall) withConfirmation(t testing.TB, ctx context.Context, p paymentsapi.Payment, o orderingapi.Order) orderingapi.Order {
	t.Helper()
	o.PaymentID = p.ID
	_, _, reply := m.confirm(t, ctx, paymentsapi.ConfirmPayment{PaymentID: p.ID, CustomerID: p.CustomerID,
		OrderID: o.ID, AmountCents: p.AmountCents})
	require.Equal(t, command.Succeeded, reply.Outcome, reply.Reason)
	return o
}
