package customers_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/customers"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func TestCustomerLifecycle(t *testing.T) {
	t.Parallel()
	_, c := startCustomers(t)
	ctx := t.Context()

	cu := register(t, c, "  Ada Lovelace ", "+441632960961")
	assert.Equal(t, customersapi.Customer{ID: cu.ID, Name: "Ada Lovelace", SmsNumber: "+441632960961", Enabled: true},
		cu, "a registered customer is enabled, with a trimmed name")

	cu, err := c.ChangeSmsNumber(ctx, cu.ID, customersapi.ChangeSmsNumber{SmsNumber: "+14155550123"})
	require.NoError(t, err)
	assert.Equal(t, "+14155550123", cu.SmsNumber)
	same, err := c.ChangeSmsNumber(ctx, cu.ID, customersapi.ChangeSmsNumber{SmsNumber: "+14155550123"})
	require.NoError(t, err, "the current number again is a no-op, not a conflict")
	assert.Equal(t, cu, same)
	_, err = c.ChangeSmsNumber(ctx, cu.ID, customersapi.ChangeSmsNumber{SmsNumber: "0415 555 0123"})
	assertFieldError(t, err, "smsNumber")

	cu, err = c.DisableCustomer(ctx, cu.ID)
	require.NoError(t, err)
	assert.False(t, cu.Enabled)
	_, err = c.DisableCustomer(ctx, cu.ID)
	assert.Equal(t, http.StatusConflict, client.StatusOf(err), "disabling twice is a conflict")

	cu, err = c.EnableCustomer(ctx, cu.ID)
	require.NoError(t, err)
	assert.True(t, cu.Enabled)
	_, err = c.EnableCustomer(ctx, cu.ID)
	assert.Equal(t, http.StatusConflict, client.StatusOf(err), "enabling twice is a conflict")

	got, err := c.Customer(ctx, cu.ID)
	require.NoError(t, err)
	assert.Equal(t, customersapi.Customer{ID: cu.ID, Name: "Ada Lovelace", SmsNumber: "+14155550123", Enabled: true}, got)
}

func TestRegisterCustomerValidation(t *testing.T) {
	t.Parallel()
	_, c := startCustomers(t)
	tests := []struct {
		name   string
		in     customersapi.RegisterCustomer
		fields []string
	}{
		{"nothing", customersapi.RegisterCustomer{}, []string{"name", "smsNumber"}},
		{"blank name", customersapi.RegisterCustomer{Name: "   ", SmsNumber: "+14155550123"}, []string{"name"}},
		{"control character", customersapi.RegisterCustomer{Name: "A\x07B", SmsNumber: "+14155550123"}, []string{"name"}},
		{"no plus", customersapi.RegisterCustomer{Name: "Ann", SmsNumber: "14155550123"}, []string{"smsNumber"}},
		{"leading zero", customersapi.RegisterCustomer{Name: "Ann", SmsNumber: "+04155550123"}, []string{"smsNumber"}},
		{"too short", customersapi.RegisterCustomer{Name: "Ann", SmsNumber: "+123456"}, []string{"smsNumber"}},
		{"too long", customersapi.RegisterCustomer{Name: "Ann", SmsNumber: "+1234567890123456"}, []string{"smsNumber"}},
		{"letters", customersapi.RegisterCustomer{Name: "Ann", SmsNumber: "+1415555O123"}, []string{"smsNumber"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := c.RegisterCustomer(t.Context(), tt.in)
			assertFieldError(t, err, tt.fields...)
		})
	}
}

func TestUnknownCustomer(t *testing.T) {
	t.Parallel()
	_, c := startCustomers(t)
	ctx, unknown := t.Context(), msg.NewID()

	_, err := c.Customer(ctx, unknown)
	assert.Equal(t, http.StatusNotFound, client.StatusOf(err))
	_, err = c.ChangeSmsNumber(ctx, unknown, customersapi.ChangeSmsNumber{SmsNumber: "+14155550123"})
	assert.Equal(t, http.StatusNotFound, client.StatusOf(err))
	_, err = c.EnableCustomer(ctx, unknown)
	assert.Equal(t, http.StatusNotFound, client.StatusOf(err))
	_, err = c.DisableCustomer(ctx, unknown)
	assert.Equal(t, http.StatusNotFound, client.StatusOf(err))
}

// assertFieldError checks that err is a 400 naming exactly fields.
func assertFieldError(t *testing.T, err error, fields ...string) {
	t.Helper()
	var e *client.Error
	require.ErrorAs(t, err, &e)
	require.Equal(t, http.StatusBadRequest, e.Status, e.Body)
	var got []string
	for _, f := range e.Problem.Errors {
		got = append(got, f.Field)
	}
	assert.Equal(t, fields, got, "field errors: %+v", e.Problem.Errors)
	for _, f := range e.Problem.Errors {
		assert.NotEmpty(t, f.Reason, "field %s needs a reason", f.Field)
	}
}

// TestCustomerPastSnapshot drives a customer past SnapshotEvery events, so
// that later changes load it from a snapshot plus the events after it.
func TestCustomerPastSnapshot(t *testing.T) {
	t.Parallel()
	_, c := startCustomers(t)
	ctx := t.Context()
	cu := register(t, c, "Snap Shot", "+14155550105")
	for range customers.SnapshotEvery / 2 {
		_, err := c.DisableCustomer(ctx, cu.ID)
		require.NoError(t, err)
		_, err = c.EnableCustomer(ctx, cu.ID)
		require.NoError(t, err)
	}
	cu, err := c.ChangeSmsNumber(ctx, cu.ID, customersapi.ChangeSmsNumber{SmsNumber: "+14155550106"})
	require.NoError(t, err)
	_, err = c.EnableCustomer(ctx, cu.ID)
	assert.Equal(t, http.StatusConflict, client.StatusOf(err), "the rebuilt customer is still enabled")
	assert.Equal(t, customersapi.Customer{ID: cu.ID, Name: "Snap Shot", SmsNumber: "+14155550106", Enabled: true}, cu)
}
