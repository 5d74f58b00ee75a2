package domain_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/payments/domain"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

func kindOf(err error) apperr.Kind {
	if e, ok := apperr.As(err); ok {
		return e.Kind
	}
	return 0
}

func authorized(t *testing.T) *domain.Payment {
	t.Helper()
	p, err := domain.AuthorizePayment("pay-1", "customer-1", 3399)
	require.NoError(t, err)
	p.Committed()
	return p
}

func confirmed(t *testing.T) *domain.Payment {
	t.Helper()
	p := authorized(t)
	require.NoError(t, p.Confirm("customer-1", "order-1", 3399))
	p.Committed()
	return p
}

func TestAuthorizePayment(t *testing.T) {
	t.Parallel()
	p, err := domain.AuthorizePayment("pay-1", "customer-1", 3399)
	require.NoError(t, err)
	want := paymentsapi.Payment{ID: "pay-1", CustomerID: "customer-1", AmountCents: 3399,
		Status: paymentsapi.PaymentStatusAuthorized}
	assert.Equal(t, want, p.State)
	assert.Equal(t, []any{paymentsapi.PaymentAuthorized{Payment: want}}, toAny(p.Changes()))

	for name, tc := range map[string]struct {
		customer string
		amount   int64
		field    string
	}{
		"no customer":     {"", 100, "customerId"},
		"NUL in customer": {"a\x00b", 100, "customerId"},
		"bad UTF-8":       {"\xff", 100, "customerId"},
		"huge customer":   {strings.Repeat("c", 129), 100, "customerId"},
		"zero amount":     {"customer-1", 0, "amountCents"},
		"negative amount": {"customer-1", -5, "amountCents"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := domain.AuthorizePayment("pay-1", tc.customer, tc.amount)
			e, ok := apperr.As(err)
			require.True(t, ok, "%v", err)
			assert.Equal(t, apperr.KindInvalid, e.Kind)
			assert.Equal(t, tc.field, e.Fields[0].Field)
		})
	}
}

func TestConfirmPayment(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		payment  func(t *testing.T) *domain.Payment
		customer string
		order    string
		amount   int64
		kind     apperr.Kind // 0: success
		message  string
		event    bool
	}{
		{"authorized payment", authorized, "customer-1", "order-1", 3399, 0, "", true},
		{"another customer", authorized, "customer-2", "order-1", 3399, apperr.KindConflict,
			`payment pay-1 was not authorized by customer "customer-2"`, false},
		{"smaller amount", authorized, "customer-1", "order-1", 3398, apperr.KindConflict,
			"amount 3398 does not match authorized 3399", false},
		{"larger amount", authorized, "customer-1", "order-1", 3400, apperr.KindConflict,
			"amount 3400 does not match authorized 3399", false},
		{"no order", authorized, "customer-1", "", 3399, apperr.KindInvalid, "the request has invalid fields", false},
		{"again for the same order", confirmed, "customer-1", "order-1", 3399, 0, "", false},
		{"again for another order", confirmed, "customer-1", "order-2", 3399, apperr.KindConflict,
			"payment pay-1 is already confirmed for order order-1", false},
		{"again with another amount", confirmed, "customer-1", "order-1", 1, apperr.KindConflict,
			"amount 1 does not match authorized 3399", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := tt.payment(t)
			before := p.State
			err := p.Confirm(tt.customer, tt.order, tt.amount)
			outcome{tt.kind, tt.message, tt.event}.check(t, p, before, err, func(want paymentsapi.Payment) any {
				want.Status, want.OrderID = paymentsapi.PaymentStatusConfirmed, tt.order
				return paymentsapi.PaymentConfirmed{Payment: want}
			})
		})
	}
}

// outcome is what a change of a payment must come to: an error of kind (0
// for none) with message, and one event or none.
type outcome struct {
	kind    apperr.Kind
	message string
	event   bool
}

// check asserts the outcome of a change from before that returned err;
// event makes the one event expected from before, whose state the
// payment must then hold.
func (o outcome) check(t *testing.T, p *domain.Payment, before paymentsapi.Payment, err error,
	event func(before paymentsapi.Payment) any) {
	t.Helper()
	assert.Equal(t, o.kind, kindOf(err), "%v", err)
	if o.kind != 0 {
		assert.EqualError(t, err, o.message)
	}
	if !o.event {
		assert.Empty(t, p.Changes())
		assert.Equal(t, before, p.State, "nothing changes")
		return
	}
	want := event(before)
	assert.Equal(t, want.(interface{ PaymentState() paymentsapi.Payment }).PaymentState(), p.State)
	assert.Equal(t, []any{want}, toAny(p.Changes()))
}

func toAny[T any](events []T) []any {
	out := make([]any, 0, len(events))
	for _, e := range events {
		out = append(out, e)
	}
	return out
}

func released(t *testing.T) *domain.Payment {
	t.Helper()
	p := confirmed(t)
	require.NoError(t, p.Release("customer-1", "order-1"))
	p.Committed()
	return p
}

// TestReleasePayment: an order rejected or cancelled gives back the payment
// authorized or confirmed for it, once; a payment confirmed for another
// order, or another customer's, is kept.
func TestReleasePayment(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name            string
		payment         func(t *testing.T) *domain.Payment
		customer, order string
		want            outcome
	}{
		{"authorized payment", authorized, "customer-1", "order-1", outcome{event: true}},
		{"confirmed for the order", confirmed, "customer-1", "order-1", outcome{event: true}},
		{"released already", released, "customer-1", "order-1", outcome{}},
		{"confirmed for another order", confirmed, "customer-1", "order-2", outcome{kind: apperr.KindConflict,
			message: "payment pay-1 is confirmed for order order-1, not order-2"}},
		{"another customer's", authorized, "customer-2", "order-1", outcome{kind: apperr.KindConflict,
			message: `payment pay-1 was not authorized by customer "customer-2"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := tt.payment(t)
			before := p.State
			err := p.Release(tt.customer, tt.order)
			tt.want.check(t, p, before, err, func(want paymentsapi.Payment) any {
				want.Status, want.OrderID = paymentsapi.PaymentStatusReleased, tt.order
				return paymentsapi.PaymentReleased{Payment: want}
			})
		})
	}
}

func TestAReleasedPaymentIsNeverConfirmed(t *testing.T) {
	t.Parallel()
	p := released(t)
	err := p.Confirm("customer-1", "order-1", 3399)
	assert.Equal(t, apperr.KindConflict, kindOf(err), "%v", err)
	assert.EqualError(t, err, "payment pay-1 was released; it cannot be confirmed")
	assert.Empty(t, p.Changes())
}
