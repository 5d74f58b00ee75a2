package payments_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/mallbots/mallbots/internal/systest"

	"github.com/nats-io/nats.go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/payments/adapters/consumers"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// quiet is the window in which "no InvoiceCreated" is asserted, after the
// messages that could have caused one were handled.
const quiet = time.Second

func TestReadyOrderIsInvoicedAndPaid(t *testing.T) {
	t.Parallel()
	m := startPayments(t)
	events := systest.ReadWire(t, m.env.NATS.URL(), msg.AllEvents(paymentsapi.Context))
	correlation := "checkout-" + msg.NewID()
	ctx := msg.WithMeta(testContext(t), msg.Meta{CorrelationID: correlation})
	o := order()
	readied, _ := m.readied(t, ctx, o)

	created := events.Next(t)
	assert.Equal(t, "InvoiceCreated", created.Name)
	assert.Equal(t, 1, created.AggregateVersion)
	assert.Equal(t, correlation, created.CorrelationID, "the invoice carries the checkout's correlation id")
	assert.Equal(t, readied.ID, created.CausationID)
	inv := systest.Payload[paymentsapi.InvoiceCreated](t, created).Invoice
	want := paymentsapi.Invoice{ID: created.AggregateID, OrderID: o.ID, CustomerID: o.CustomerID,
		PaymentID: o.PaymentID, AmountCents: o.TotalCents, Status: paymentsapi.InvoiceStatusOpen}
	assert.Equal(t, want, inv, "the order's total, customer and payment")
	t.Logf("InvoiceCreated on the wire: %s", systest.MustJSON(t, created))
	list, err := m.c.InvoicesByOrder(ctx, o.ID)
	require.NoError(t, err)
	assert.Equal(t, []paymentsapi.Invoice{want}, list.Invoices)

	paid, err := m.c.PayInvoice(ctx, inv.ID)
	require.NoError(t, err)
	want.Status = paymentsapi.InvoiceStatusPaid
	assert.Equal(t, want, paid)
	e := events.Next(t)
	assert.Equal(t, "InvoicePaid", e.Name)
	assert.Equal(t, paymentsapi.Subject("InvoicePaid"), e.Subject)
	assert.Equal(t, inv.ID, e.AggregateID)
	assert.Equal(t, 2, e.AggregateVersion)
	assert.Equal(t, correlation, e.CorrelationID)
	assert.Equal(t, want, systest.Payload[paymentsapi.InvoicePaid](t, e).Invoice)
	t.Logf("InvoicePaid on the wire: %s", systest.MustJSON(t, e))

	_, err = m.c.PayInvoice(ctx, inv.ID)
	assertConflict(t, err, "invoice "+inv.ID+" is paid; only an open invoice can be paid")
	got, err := m.c.Invoice(ctx, inv.ID)
	require.NoError(t, err)
	assert.Equal(t, want, got)
}

func TestReadiedTwiceMakesOneInvoice(t *testing.T) {
	t.Parallel()
	m := startPayments(t)
	ctx := testContext(t)
	created := systest.ReadWire(t, m.env.NATS.URL(), paymentsapi.Subject("InvoiceCreated"))
	o := order()
	m.readied(t, ctx, o)
	_, seq := m.readied(t, ctx, o) // another envelope: ordering republishing
	// The consumer handles orders side by side: the barrier, another order,
	// is published only once both readinesses of o were handled.
	systest.AwaitAcked(t, ctx, m.bus.JetStream(), consumers.Consumer, seq)
	barrier := order()
	m.readied(t, ctx, barrier)

	assert.Equal(t, o.ID, systest.Payload[paymentsapi.InvoiceCreated](t, created.Next(t)).OrderID)
	assert.Equal(t, barrier.ID, systest.Payload[paymentsapi.InvoiceCreated](t, created.Next(t)).OrderID,
		"no second invoice before the barrier's")
	list, err := m.c.InvoicesByOrder(ctx, o.ID)
	require.NoError(t, err)
	assert.Len(t, list.Invoices, 1)
}

func TestCancelledOrderCancelsItsInvoice(t *testing.T) {
	t.Parallel()
	m := startPayments(t)
	ctx := testContext(t)
	events := systest.ReadWire(t, m.env.NATS.URL(), msg.AllEvents(paymentsapi.Context))
	o := order()
	m.readied(t, ctx, o)
	inv := systest.Payload[paymentsapi.InvoiceCreated](t, events.Next(t)).Invoice

	cancel, _ := m.cancelled(t, ctx, o)
	e := events.Next(t)
	assert.Equal(t, "InvoiceCanceled", e.Name)
	assert.Equal(t, inv.ID, e.AggregateID)
	assert.Equal(t, 2, e.AggregateVersion)
	assert.Equal(t, cancel.ID, e.CausationID, "caused by ordering's OrderCanceled")
	want := inv
	want.Status = paymentsapi.InvoiceStatusCanceled
	assert.Equal(t, want, systest.Payload[paymentsapi.InvoiceCanceled](t, e).Invoice)
	t.Logf("InvoiceCanceled on the wire: %s", systest.MustJSON(t, e))

	got, err := m.c.Invoice(ctx, inv.ID)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	_, err = m.c.PayInvoice(ctx, inv.ID)
	assertConflict(t, err, "invoice "+inv.ID+" is cancelled; only an open invoice can be paid")
}

// TestCancelBeforeReadyMeansNoInvoice: an order cancelled before payments
// saw it ready gets no invoice, even when OrderReadied comes afterwards.
// Both messages are awaited as handled (acknowledged by the consumer, which
// it does after its transaction committed) before the quiet window starts.
func TestCancelBeforeReadyMeansNoInvoice(t *testing.T) {
	t.Parallel()
	m := startPayments(t)
	ctx := testContext(t)
	nc, err := nats.Connect(m.env.NATS.URL())
	require.NoError(t, err)
	t.Cleanup(nc.Close)
	sub, err := nc.SubscribeSync(paymentsapi.Subject("InvoiceCreated"))
	require.NoError(t, err)
	require.NoError(t, nc.Flush(), "the subscription is registered before anything is published")

	o := order()
	_, seq := m.cancelled(t, ctx, o)
	systest.AwaitAcked(t, ctx, m.bus.JetStream(), consumers.Consumer, seq)
	_, seq = m.readied(t, ctx, o)
	systest.AwaitAcked(t, ctx, m.bus.JetStream(), consumers.Consumer, seq)

	got, err := sub.NextMsg(quiet)
	require.True(t, errors.Is(err, nats.ErrTimeout), "no InvoiceCreated within %s, got %v %s", quiet, err, msgData(got))
	list, err := m.c.InvoicesByOrder(ctx, o.ID)
	require.NoError(t, err)
	assert.Empty(t, list.Invoices)
}

func TestCancelAfterPaymentKeepsThePaidInvoice(t *testing.T) {
	t.Parallel()
	m := startPayments(t)
	ctx := testContext(t)
	created := systest.ReadWire(t, m.env.NATS.URL(), paymentsapi.Subject("InvoiceCreated"))
	o := order()
	m.readied(t, ctx, o)
	inv := systest.Payload[paymentsapi.InvoiceCreated](t, created.Next(t)).Invoice
	_, err := m.c.PayInvoice(ctx, inv.ID)
	require.NoError(t, err)
	_, seq := m.cancelled(t, ctx, o)
	systest.AwaitAcked(t, ctx, m.bus.JetStream(), consumers.Consumer, seq)
	got, err := m.c.Invoice(ctx, inv.ID)
	require.NoError(t, err)
	assert.Equal(t, paymentsapi.InvoiceStatusPaid, got.Status)
}

func assertConflict(t *testing.T, err error, detail string) {
	t.Helper()
	require.Equal(t, http.StatusConflict, client.StatusOf(err), "%v", err)
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, httpx.TypeConflict, e.Problem.Type)
	assert.Equal(t, detail, e.Problem.Detail)
}

func msgData(m *nats.Msg) string {
	if m == nil {
		return ""
	}
	return string(m.Data)
}

func TestUnusableReadinessIsDeadLettered(t *testing.T) {
	t.Parallel()
	m := startPayments(t)
	ctx := testContext(t)
	dlq, err := nats.Connect(m.env.NATS.URL())
	require.NoError(t, err)
	t.Cleanup(dlq.Close)
	sub, err := dlq.SubscribeSync(msg.DeadLetterSubject(consumers.Consumer))
	require.NoError(t, err)
	require.NoError(t, dlq.Flush())
	o := order()
	o.TotalCents = 0
	sent, _ := m.readied(t, ctx, o)

	got, err := sub.NextMsg(waitFor)
	require.NoError(t, err, "the unusable OrderReadied is dead-lettered")
	var dl bus.DeadLetter
	require.NoError(t, json.Unmarshal(got.Data, &dl))
	assert.Equal(t, consumers.Consumer, dl.Consumer)
	assert.Contains(t, dl.Error, "amountCents must be greater than zero")
	assert.Contains(t, string(dl.Original), sent.ID)
	assert.EqualValues(t, 1, dl.Deliveries, "no retry can fix it")
}
