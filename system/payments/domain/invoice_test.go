package domain_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/payments/domain"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

var billing = domain.Billing{OrderID: "order-1", CustomerID: "customer-1", PaymentID: "pay-1", AmountCents: 3399}

func invoiceIn(t *testing.T, status paymentsapi.InvoiceStatus) *domain.Invoice {
	t.Helper()
	i, err := domain.NewInvoice("inv-1", billing)
	require.NoError(t, err)
	switch status {
	case paymentsapi.InvoiceStatusPaid:
		require.NoError(t, i.Pay())
	case paymentsapi.InvoiceStatusCanceled:
		require.NoError(t, i.Cancel())
	}
	i.Committed()
	return i
}

func TestNewInvoice(t *testing.T) {
	t.Parallel()
	i := invoiceIn(t, paymentsapi.InvoiceStatusOpen)
	assert.Equal(t, paymentsapi.Invoice{ID: "inv-1", OrderID: "order-1", CustomerID: "customer-1", PaymentID: "pay-1",
		AmountCents: 3399, Status: paymentsapi.InvoiceStatusOpen}, i.State)
	for name, change := range map[string]func(b *domain.Billing){
		"no order":    func(b *domain.Billing) { b.OrderID = "" },
		"no customer": func(b *domain.Billing) { b.CustomerID = "" },
		"no payment":  func(b *domain.Billing) { b.PaymentID = "" },
		"no amount":   func(b *domain.Billing) { b.AmountCents = 0 },
	} {
		b := billing
		change(&b)
		_, err := domain.NewInvoice("inv-1", b)
		assert.Equal(t, apperr.KindInvalid, kindOf(err), name)
	}
}

// TestInvoiceLifecycle runs every action from every status: open -> paid,
// or open -> cancelled.
func TestInvoiceLifecycle(t *testing.T) {
	t.Parallel()
	const open, paid, cancelled = paymentsapi.InvoiceStatusOpen, paymentsapi.InvoiceStatusPaid, paymentsapi.InvoiceStatusCanceled
	tests := []struct {
		action string
		from   paymentsapi.InvoiceStatus
		kind   apperr.Kind
		to     paymentsapi.InvoiceStatus
		event  string
	}{
		{"pay", open, 0, paid, "InvoicePaid"},
		{"pay", paid, apperr.KindConflict, paid, ""},
		{"pay", cancelled, apperr.KindConflict, cancelled, ""},
		{"cancel", open, 0, cancelled, "InvoiceCanceled"},
		{"cancel", cancelled, 0, cancelled, ""},
		{"cancel", paid, apperr.KindConflict, paid, ""},
	}
	for _, tt := range tests {
		t.Run(tt.action+" from "+string(tt.from), func(t *testing.T) {
			t.Parallel()
			i := invoiceIn(t, tt.from)
			do := map[string]func() error{"pay": i.Pay, "cancel": i.Cancel}[tt.action]
			err := do()
			assert.Equal(t, tt.kind, kindOf(err), "%v", err)
			assert.Equal(t, tt.to, i.State.Status)
			if tt.event == "" {
				assert.Empty(t, i.Changes())
				return
			}
			require.Len(t, i.Changes(), 1)
			assert.Equal(t, tt.event, i.Changes()[0].EventName())
		})
	}
}
