//go:build pact

package consumer

import (
	"context"
	"net/http"
	"testing"

	"github.com/pact-foundation/pact-go/v2/matchers"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/customers/customersapi"
)

// stateDisabledCustomer is a customer who may not order.
const stateDisabledCustomer = "a disabled customer exists"

var sdkCustomer = customersapi.Customer{ID: sdkEx["customerId"], Name: "Ada Lovelace", SmsNumber: "+14155550123", Enabled: true}

// sdkCustomerBody is the answer of cu; enabled is exact.
func sdkCustomerBody(cu customersapi.Customer) map[string]any {
	return map[string]any{"customerId": sdkID("customerId"), "name": matchers.Like(cu.Name),
		"smsNumber": matchers.Like(cu.SmsNumber), "enabled": cu.Enabled}
}

// TestClientCustomers: every customers endpoint the typed client calls.
func TestClientCustomers(t *testing.T) {
	sdkVerify(t, customersapi.Context, append(sdkCustomerCalls(), sdkCustomerErrors()...))
}

func sdkCustomerCalls() []sdkCall {
	id := sdkEx["customerId"]
	disabled, renumbered := sdkCustomer, sdkCustomer
	disabled.Enabled = false
	renumbered.SmsNumber = "+14155550199"
	return []sdkCall{
		{desc: "a request to register a customer", method: http.MethodPost, path: "/api/customers",
			body:   map[string]any{"name": sdkCustomer.Name, "smsNumber": sdkCustomer.SmsNumber},
			status: http.StatusCreated, want: sdkCustomer,
			answer: sdkExact(sdkCustomerBody(sdkCustomer), "name", sdkCustomer.Name, "smsNumber", sdkCustomer.SmsNumber),
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.RegisterCustomer(ctx, customersapi.RegisterCustomer{Name: sdkCustomer.Name,
					SmsNumber: sdkCustomer.SmsNumber}))
			}},
		{desc: "a request for a customer", state: StateCustomer, method: http.MethodGet, path: "/api/customers/${customerId}",
			status: http.StatusOK, answer: sdkCustomerBody(sdkCustomer), want: sdkCustomer,
			call: func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.Customer(ctx, id)) }},
		{desc: "a request to change a customer's SMS number", state: StateCustomer, method: http.MethodPost,
			path: "/api/customers/${customerId}/change-sms-number", body: map[string]any{"smsNumber": renumbered.SmsNumber},
			status: http.StatusOK, want: renumbered,
			answer: sdkExact(sdkCustomerBody(renumbered), "smsNumber", renumbered.SmsNumber),
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.ChangeSmsNumber(ctx, id, customersapi.ChangeSmsNumber{SmsNumber: renumbered.SmsNumber}))
			}},
		{desc: "a request to enable a customer", state: stateDisabledCustomer, method: http.MethodPost,
			path: "/api/customers/${customerId}/enable", status: http.StatusOK, answer: sdkCustomerBody(sdkCustomer),
			want: sdkCustomer,
			call: func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.EnableCustomer(ctx, id)) }},
		{desc: "a request to disable a customer", state: StateCustomer, method: http.MethodPost,
			path: "/api/customers/${customerId}/disable", status: http.StatusOK, answer: sdkCustomerBody(disabled),
			want: disabled,
			call: func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.DisableCustomer(ctx, id)) }},
	}
}

// sdkCustomerErrors: an unknown id, invalid numbers and conflicts.
func sdkCustomerErrors() []sdkCall {
	id := sdkEx["customerId"]
	return []sdkCall{
		sdkFails(http.StatusBadRequest, "a request to register a customer with a number that is not E.164", "",
			http.MethodPost, "/api/customers", map[string]any{"name": "Ada Lovelace", "smsNumber": "0123"}, "smsNumber").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.RegisterCustomer(ctx, customersapi.RegisterCustomer{Name: "Ada Lovelace", SmsNumber: "0123"}))
			}),
		sdkFails(http.StatusNotFound, "a request for a customer who does not exist", "",
			http.MethodGet, "/api/customers/"+missingID, nil).
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.Customer(ctx, missingID)) }),
		sdkFails(http.StatusBadRequest, "a request to change a customer's SMS number to one that is not E.164",
			StateCustomer, http.MethodPost, "/api/customers/${customerId}/change-sms-number",
			map[string]any{"smsNumber": "not a number"}, "smsNumber").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.ChangeSmsNumber(ctx, id, customersapi.ChangeSmsNumber{SmsNumber: "not a number"}))
			}),
		sdkFails(http.StatusConflict, "a request to enable a customer who is enabled", StateCustomer,
			http.MethodPost, "/api/customers/${customerId}/enable", nil).
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.EnableCustomer(ctx, id)) }),
		sdkFails(http.StatusConflict, "a request to disable a customer who is disabled", stateDisabledCustomer,
			http.MethodPost, "/api/customers/${customerId}/disable", nil).
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.DisableCustomer(ctx, id)) }),
		sdkFails(http.StatusNotFound, "a request to disable a customer who does not exist", "",
			http.MethodPost, "/api/customers/"+missingID+"/disable", nil).
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.DisableCustomer(ctx, missingID))
			}),
	}
}
