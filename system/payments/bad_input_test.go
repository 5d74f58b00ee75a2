package payments_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/msg"
)

const jsonType = "application/json"

const (
	invalid  = httpx.TypeInvalidInput
	notFound = httpx.TypeNotFound
	conflict = httpx.TypeConflict
	media    = httpx.TypeUnsupportedMedia
	method   = httpx.TypeMethodNotAllowed
	tooLarge = httpx.TypeTooLarge
)

// TestBadInput sends every endpoint input it must refuse and checks that the
// answer is the expected 4xx as problem details, never a 5xx. The invoice
// the pay cases use is open: a bad request wrongly accepted would pay it.
func TestBadInput(t *testing.T) {
	t.Parallel()
	m := startPayments(t)
	ctx := testContext(t)
	p := m.authorize(t, ctx, m.customer(t, ctx), 100)
	open := m.invoice(t, ctx)
	paid := m.invoice(t, ctx)
	_, err := m.c.PayInvoice(ctx, paid.ID)
	require.NoError(t, err)

	const valid = `{"customerId":"customer-1","amountCents":100}`
	var tests []systest.BadRequest
	tests = append(tests, bodyCases("authorize", "/api/payments", valid)...)
	tests = append(tests, []systest.BadRequest{
		systest.Case("authorize/missing customer", "POST", "/api/payments", jsonType, `{"amountCents":100}`, 400, invalid),
		systest.Case("authorize/missing amount", "POST", "/api/payments", jsonType, `{"customerId":"c"}`, 400, invalid),
		systest.Case("authorize/zero amount", "POST", "/api/payments", jsonType, `{"customerId":"c","amountCents":0}`, 400, invalid),
		systest.Case("authorize/negative amount", "POST", "/api/payments", jsonType, `{"customerId":"c","amountCents":-1}`, 400, invalid),
		systest.Case("authorize/fractional amount", "POST", "/api/payments", jsonType, `{"customerId":"c","amountCents":1.5}`, 400, invalid),
		systest.Case("authorize/amount as text", "POST", "/api/payments", jsonType, `{"customerId":"c","amountCents":"100"}`, 400, invalid),
		systest.Case("authorize/amount overflow", "POST", "/api/payments", jsonType, `{"customerId":"c","amountCents":1e30}`, 400, invalid),
		systest.Case("authorize/customer as number", "POST", "/api/payments", jsonType, `{"customerId":5,"amountCents":100}`, 400, invalid),
		systest.Case("authorize/NUL in customer", "POST", "/api/payments", jsonType, `{"customerId":"a\u0000b","amountCents":100}`, 400, invalid),
		systest.Case("authorize/huge customer", "POST", "/api/payments", jsonType, `{"customerId":"`+strings.Repeat("c", 129)+`","amountCents":100}`, 400, invalid),
		systest.Case("authorize/huge body", "POST", "/api/payments", jsonType, `{"customerId":"`+strings.Repeat("c", httpx.MaxBodyBytes)+`"}`, 413, tooLarge),
		systest.Case("authorize/GET", "GET", "/api/payments", "", "", 405, method),
		systest.Case("authorize/trailing slash", "POST", "/api/payments/", jsonType, valid, 404, notFound),
		systest.Case("authorize/unregistered customer", "POST", "/api/payments", jsonType,
			`{"customerId":"`+msg.NewID()+`","amountCents":100}`, 404, notFound),
		systest.Case("authorize/customer id never issued", "POST", "/api/payments", jsonType, valid, 404, notFound),
	}...)
	tests = append(tests, systest.IDCases("get payment", "GET", "/api/payments/", "", "")...)
	tests = append(tests, []systest.BadRequest{
		systest.Case("get payment/DELETE", "DELETE", "/api/payments/"+p.ID, "", "", 405, method),
		systest.Case("get payment/unknown sub-resource", "GET", "/api/payments/"+p.ID+"/refunds", "", "", 404, notFound),
	}...)
	tests = append(tests, systest.IDCases("get invoice", "GET", "/api/invoices/", "", "")...)
	tests = append(tests, []systest.BadRequest{
		systest.Case("get invoice/PUT", "PUT", "/api/invoices/"+open.ID, jsonType, `{}`, 405, method),
		systest.Case("list invoices/no order", "GET", "/api/invoices", "", "", 400, invalid),
		systest.Case("list invoices/empty order", "GET", "/api/invoices?orderId=", "", "", 400, invalid),
		systest.Case("list invoices/unknown parameter", "GET", "/api/invoices?orderId=o&status=open", "", "", 400, invalid),
		systest.Case("list invoices/repeated parameter", "GET", "/api/invoices?orderId=a&orderId=b", "", "", 400, invalid),
		systest.Case("list invoices/NUL", "GET", "/api/invoices?orderId=%00", "", "", 400, invalid),
		systest.Case("list invoices/invalid UTF-8", "GET", "/api/invoices?orderId=%FF%FE", "", "", 400, invalid),
		systest.Case("list invoices/huge id", "GET", "/api/invoices?orderId="+strings.Repeat("o", 200), "", "", 400, invalid),
		systest.Case("list invoices/malformed query", "GET", "/api/invoices?orderId=%zz", "", "", 400, invalid),
		systest.Case("list invoices/POST", "POST", "/api/invoices", jsonType, `{}`, 405, method),
	}...)
	pay := "/api/invoices/" + open.ID + "/pay"
	tests = append(tests, systest.IDCases("pay", "POST", "/api/invoices/", "/pay", "")...)
	tests = append(tests, systest.IDCases("pay with empty object", "POST", "/api/invoices/", "/pay", `{}`)...)
	tests = append(tests, []systest.BadRequest{
		systest.Case("pay/malformed JSON", "POST", pay, jsonType, `{"amount":`, 400, invalid),
		systest.Case("pay/unknown field", "POST", pay, jsonType, `{"amountCents":100}`, 400, invalid),
		systest.Case("pay/array", "POST", pay, jsonType, `[]`, 400, invalid),
		systest.Case("pay/two documents", "POST", pay, jsonType, `{}{}`, 400, invalid),
		systest.Case("pay/wrong content type", "POST", pay, "text/plain", `{}`, 415, media),
		systest.Case("pay/GET", "GET", pay, "", "", 405, method),
		systest.Case("pay/paid invoice", "POST", "/api/invoices/"+paid.ID+"/pay", "", "", 409, conflict),
	}...)

	systest.RunBadRequests(t, m.env.URL, tests)
	got, err := m.c.Invoice(ctx, open.ID)
	require.NoError(t, err)
	assert.Equal(t, paymentsapi.InvoiceStatusOpen, got.Status, "no bad request paid the invoice")
}

// invoice readies a new order and returns its open invoice.
func (m *mall) invoice(t testing.TB, ctx context.Context) paymentsapi.Invoice {
	t.Helper()
	o := order()
	m.readied(t, ctx, o)
	var inv paymentsapi.Invoice
	require.EventuallyWithT(t, func(c *assert.CollectT) {
		list, err := m.c.InvoicesByOrder(ctx, o.ID)
		require.NoError(c, err)
		require.Len(c, list.Invoices, 1)
		inv = list.Invoices[0]
	}, waitFor, pollEvery, "order %s is invoiced", o.ID)
	return inv
}

// bodyCases are the malformed documents an endpoint with a body refuses.
func bodyCases(endpoint, path, valid string) []systest.BadRequest {
	doc := systest.Doc{Valid: valid, Truncated: `{"customerId":`, Unknown: `"currency":"EUR"`, Form: `customerId=c`}
	return systest.RequiredDocCases(endpoint, path, doc)
}
