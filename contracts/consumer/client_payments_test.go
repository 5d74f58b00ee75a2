//go:build pact

package consumer

import (
	"context"
	"net/http"
	"testing"

	"github.com/pact-foundation/pact-go/v2/matchers"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
)

// Provider states of the payments API (and stateCompletedOrder, whose
// invoice is paid).
const (
	statePayment     = "a payment exists"
	stateOpenInvoice = "an invoice is open"
)

var (
	sdkPayment = paymentsapi.Payment{ID: sdkEx["paymentId"], CustomerID: sdkEx["customerId"], AmountCents: 500,
		Status: paymentsapi.PaymentStatusAuthorized}
	// sdkInvoice is the invoice of the completed order, paid.
	sdkInvoice = paymentsapi.Invoice{ID: sdkEx["invoiceId"], OrderID: sdkEx["orderId"], CustomerID: sdkEx["customerId"],
		PaymentID: sdkEx["paymentId"], AmountCents: 500, Status: paymentsapi.InvoiceStatusPaid}
)

// sdkPaymentBody is the answer of p: its status is exact.
func sdkPaymentBody(p paymentsapi.Payment) map[string]any {
	return map[string]any{"paymentId": sdkID("paymentId"), "customerId": sdkID("customerId"),
		"amountCents": sdkCents(p.AmountCents), "status": string(p.Status)}
}

// sdkInvoiceBody is the answer of i: its status is exact.
func sdkInvoiceBody(i paymentsapi.Invoice) map[string]any {
	return map[string]any{"invoiceId": sdkID("invoiceId"), "orderId": sdkID("orderId"), "customerId": sdkID("customerId"),
		"paymentId": sdkID("paymentId"), "amountCents": sdkCents(i.AmountCents), "status": string(i.Status)}
}

// TestClientPayments: every payments endpoint the typed client calls.
func TestClientPayments(t *testing.T) {
	sdkVerify(t, paymentsapi.Context, append(sdkPaymentCalls(), sdkPaymentErrors()...))
}

func sdkPaymentCalls() []sdkCall {
	invoice := sdkEx["invoiceId"]
	return []sdkCall{
		{desc: "a request to authorize a payment", state: StateCustomer, method: http.MethodPost, path: "/api/payments",
			body:   map[string]any{"customerId": sdkValue("${customerId}"), "amountCents": sdkPayment.AmountCents},
			status: http.StatusCreated, want: sdkPayment,
			answer: sdkExactAmount(sdkPaymentBody(sdkPayment), sdkPayment.AmountCents),
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.AuthorizePayment(ctx, paymentsapi.AuthorizePayment{CustomerID: sdkPayment.CustomerID,
					AmountCents: sdkPayment.AmountCents}))
			}},
		{desc: "a request for a payment", state: statePayment, method: http.MethodGet, path: "/api/payments/${paymentId}",
			status: http.StatusOK, answer: sdkPaymentBody(sdkPayment), want: sdkPayment,
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.Payment(ctx, sdkEx["paymentId"]))
			}},
		{desc: "a request for an invoice", state: stateCompletedOrder, method: http.MethodGet,
			path: "/api/invoices/${invoiceId}", status: http.StatusOK, answer: sdkInvoiceBody(sdkInvoice), want: sdkInvoice,
			call: func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.Invoice(ctx, invoice)) }},
		{desc: "a request for the invoices of an order", state: stateCompletedOrder, method: http.MethodGet,
			path: "/api/invoices", query: map[string]string{"orderId": "${orderId}"}, status: http.StatusOK,
			answer: map[string]any{"invoices": matchers.EachLike(sdkInvoiceBody(sdkInvoice), 1)},
			want:   paymentsapi.InvoiceList{Invoices: []paymentsapi.Invoice{sdkInvoice}},
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.InvoicesByOrder(ctx, sdkEx["orderId"]))
			}},
		{desc: "a request to pay an invoice", state: stateOpenInvoice, method: http.MethodPost,
			path: "/api/invoices/${invoiceId}/pay", status: http.StatusOK, answer: sdkInvoiceBody(sdkInvoice), want: sdkInvoice,
			call: func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.PayInvoice(ctx, invoice)) }},
	}
}

// sdkExactAmount makes the amount of an answer the one the request gave.
func sdkExactAmount(body map[string]any, cents int64) map[string]any {
	body["amountCents"] = cents
	return body
}

// sdkPaymentErrors: unknown ids (a customer never registered among them),
// an invalid amount and query, and an invoice paid already.
func sdkPaymentErrors() []sdkCall {
	return []sdkCall{
		sdkFails(http.StatusBadRequest, "a request to authorize no amount", "", http.MethodPost, "/api/payments",
			map[string]any{"customerId": sdkEx["customerId"], "amountCents": 0}, "amountCents").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.AuthorizePayment(ctx, paymentsapi.AuthorizePayment{CustomerID: sdkEx["customerId"]}))
			}),
		sdkFails(http.StatusNotFound, "a request to authorize a payment for a customer who was never registered", "",
			http.MethodPost, "/api/payments", map[string]any{"customerId": missingID, "amountCents": 500}).
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.AuthorizePayment(ctx, paymentsapi.AuthorizePayment{CustomerID: missingID, AmountCents: 500}))
			}),
		sdkFails(http.StatusNotFound, "a request for a payment that does not exist", "",
			http.MethodGet, "/api/payments/"+missingID, nil).
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.Payment(ctx, missingID)) }),
		sdkFails(http.StatusNotFound, "a request for an invoice that does not exist", "",
			http.MethodGet, "/api/invoices/"+missingID, nil).
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.Invoice(ctx, missingID)) }),
		sdkFails(http.StatusBadRequest, "a request for the invoices of no order", "",
			http.MethodGet, "/api/invoices", nil, "orderId").withQuery("orderId", "").
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.InvoicesByOrder(ctx, "")) }),
		sdkFails(http.StatusConflict, "a request to pay a paid invoice", stateCompletedOrder,
			http.MethodPost, "/api/invoices/${invoiceId}/pay", nil).
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.PayInvoice(ctx, sdkEx["invoiceId"]))
			}),
		sdkFails(http.StatusNotFound, "a request to pay an invoice that does not exist", "",
			http.MethodPost, "/api/invoices/"+missingID+"/pay", nil).
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.PayInvoice(ctx, missingID)) }),
	}
}
