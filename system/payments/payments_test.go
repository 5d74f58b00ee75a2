package payments_test

import (
	"strings"
	"testing"

	"github.com/mallbots/mallbots/internal/systest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func TestAuthorizePayment(t *testing.T) {
	t.Parallel()
	m := startPayments(t)
	events := systest.ReadWire(t, m.env.NATS.URL(), msg.AllEvents(paymentsapi.Context))
	correlation := "checkout-" + msg.NewID()
	ctx := msg.WithMeta(testContext(t), msg.Meta{CorrelationID: correlation})

	customer := m.customer(t, ctx)
	p := m.authorize(t, ctx, customer, 3399)
	want := paymentsapi.Payment{ID: p.ID, CustomerID: customer, AmountCents: 3399,
		Status: paymentsapi.PaymentStatusAuthorized}
	assert.Equal(t, want, p)
	got, err := m.c.Payment(ctx, p.ID)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	e := events.Next(t)
	assert.Equal(t, "PaymentAuthorized", e.Name)
	assert.Equal(t, paymentsapi.Subject("PaymentAuthorized"), e.Subject)
	assert.Equal(t, p.ID, e.AggregateID)
	assert.Equal(t, 1, e.AggregateVersion)
	assert.Equal(t, correlation, e.CorrelationID, "the request's correlation id flows into the event")
	assert.Equal(t, want, systest.Payload[paymentsapi.PaymentAuthorized](t, e).Payment, "the full payment")
	t.Logf("PaymentAuthorized on the wire: %s", systest.MustJSON(t, e))
}

func TestConfirmPayment(t *testing.T) {
	t.Parallel()
	m := startPayments(t)
	ctx := testContext(t)
	unknown := msg.NewID()
	tests := []struct {
		name    string
		cmd     func(p paymentsapi.Payment) paymentsapi.ConfirmPayment
		outcome string
		reason  string // %s is the payment id
	}{
		{"right amount", func(p paymentsapi.Payment) paymentsapi.ConfirmPayment {
			return paymentsapi.ConfirmPayment{PaymentID: p.ID, CustomerID: p.CustomerID, OrderID: "order-1", AmountCents: 3399}
		}, command.Succeeded, ""},
		{"wrong amount", func(p paymentsapi.Payment) paymentsapi.ConfirmPayment {
			return paymentsapi.ConfirmPayment{PaymentID: p.ID, CustomerID: p.CustomerID, OrderID: "order-1", AmountCents: 3400}
		}, command.Failed, "amount 3400 does not match authorized 3399"},
		{"another customer", func(p paymentsapi.Payment) paymentsapi.ConfirmPayment {
			return paymentsapi.ConfirmPayment{PaymentID: p.ID, CustomerID: "someone-else", OrderID: "order-1", AmountCents: 3399}
		}, command.Failed, `payment %s was not authorized by customer "someone-else"`},
		{"no order", func(p paymentsapi.Payment) paymentsapi.ConfirmPayment {
			return paymentsapi.ConfirmPayment{PaymentID: p.ID, CustomerID: p.CustomerID, AmountCents: 3399}
		}, command.Failed, "orderId must not be empty"},
		{"unknown payment", func(paymentsapi.Payment) paymentsapi.ConfirmPayment {
			return paymentsapi.ConfirmPayment{PaymentID: unknown, CustomerID: "customer-1", OrderID: "order-1", AmountCents: 3399}
		}, command.Failed, `payment "` + unknown + `" not found`},
		{"malformed payment id", func(paymentsapi.Payment) paymentsapi.ConfirmPayment {
			return paymentsapi.ConfirmPayment{PaymentID: "pay\x00", CustomerID: "customer-1", OrderID: "order-1", AmountCents: 3399}
		}, command.Failed, `payment "pay\x00" not found`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := m.authorize(t, ctx, m.customer(t, ctx), 3399)
			cmd, got, reply := m.confirm(t, ctx, tt.cmd(p))
			assert.Equal(t, command.ReplyName(paymentsapi.ConfirmPaymentCommand), got.Name)
			assert.Equal(t, cmd.Header(command.HeaderSagaID), got.Header(command.HeaderSagaID), "the saga id comes back")
			assert.Equal(t, paymentsapi.ConfirmPaymentCommand, got.Header(command.HeaderSagaStep))
			assert.Empty(t, got.Header(command.HeaderReplyTo), "a reply is not itself a command")
			assert.Equal(t, cmd.CorrelationID, got.CorrelationID)
			assert.Equal(t, cmd.ID, got.CausationID, "the reply is caused by the command")
			assert.Equal(t, tt.outcome, reply.Outcome, reply.Reason)
			assert.Equal(t, strings.ReplaceAll(tt.reason, "%s", p.ID), reply.Reason)

			after, err := m.c.Payment(ctx, p.ID)
			require.NoError(t, err)
			if tt.outcome == command.Failed {
				assert.Equal(t, p, after, "a refused confirmation changes nothing")
				return
			}
			want := p
			want.Status, want.OrderID = paymentsapi.PaymentStatusConfirmed, "order-1"
			assert.Equal(t, want, after)
			var result paymentsapi.Payment
			require.NoError(t, reply.Decode(&result))
			assert.Equal(t, want, result, "the reply carries the confirmed payment")
			t.Logf("ConfirmPayment: %s\nreply: %s", systest.MustJSON(t, cmd), systest.MustJSON(t, got))
		})
	}
}

// TestConfirmPaymentAgain confirms one payment three times: again for the
// same order succeeds without a second PaymentConfirmed, for another order
// fails. No ack needs awaiting before the barrier: each reply is written in
// its command's transaction and read before anything else is sent.
func TestConfirmPaymentAgain(t *testing.T) {
	t.Parallel()
	m := startPayments(t)
	ctx := testContext(t)
	confirmed := systest.ReadWire(t, m.env.NATS.URL(), paymentsapi.Subject("PaymentConfirmed"))
	p := m.authorize(t, ctx, m.customer(t, ctx), 500)
	cmd := paymentsapi.ConfirmPayment{PaymentID: p.ID, CustomerID: p.CustomerID, OrderID: "order-1", AmountCents: 500}

	_, _, first := m.confirm(t, ctx, cmd)
	require.Equal(t, command.Succeeded, first.Outcome, first.Reason)
	_, _, again := m.confirm(t, ctx, cmd)
	assert.Equal(t, command.Succeeded, again.Outcome, "the same confirmation again: %s", again.Reason)
	cmd.OrderID = "order-2"
	_, _, other := m.confirm(t, ctx, cmd)
	assert.Equal(t, command.Failed, other.Outcome)
	assert.Equal(t, "payment "+p.ID+" is already confirmed for order order-1", other.Reason)

	e := confirmed.Next(t)
	assert.Equal(t, p.ID, e.AggregateID)
	assert.Equal(t, 2, e.AggregateVersion)
	t.Logf("PaymentConfirmed on the wire: %s", systest.MustJSON(t, e))
	barrier := m.authorize(t, ctx, m.customer(t, ctx), 100)
	_, _, reply := m.confirm(t, ctx, paymentsapi.ConfirmPayment{PaymentID: barrier.ID, CustomerID: barrier.CustomerID,
		OrderID: "order-3", AmountCents: 100})
	require.Equal(t, command.Succeeded, reply.Outcome)
	assert.Equal(t, barrier.ID, confirmed.Next(t).AggregateID, "no second PaymentConfirmed for the first payment")
}
