package payments_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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

type badRequest struct {
	name        string
	method      string
	path        string
	contentType string
	body        string
	want        int
	problem     string
}

// TestBadInput sends every endpoint input it must refuse and checks that the
// answer is the expected 4xx as problem details, never a 5xx. The invoice
// the pay cases use is open: a bad request wrongly accepted would pay it.
func TestBadInput(t *testing.T) {
	t.Parallel()
	m := startPayments(t)
	ctx := testContext(t)
	p := m.authorize(t, ctx, "customer-1", 100)
	open := m.invoice(t, ctx)
	paid := m.invoice(t, ctx)
	_, err := m.c.PayInvoice(ctx, paid.ID)
	require.NoError(t, err)

	const valid = `{"customerId":"customer-1","amountCents":100}`
	var tests []badRequest
	tests = append(tests, bodyCases("authorize", "/api/payments", valid)...)
	tests = append(tests, []badRequest{
		{"authorize/missing customer", "POST", "/api/payments", jsonType, `{"amountCents":100}`, 400, invalid},
		{"authorize/missing amount", "POST", "/api/payments", jsonType, `{"customerId":"c"}`, 400, invalid},
		{"authorize/zero amount", "POST", "/api/payments", jsonType, `{"customerId":"c","amountCents":0}`, 400, invalid},
		{"authorize/negative amount", "POST", "/api/payments", jsonType, `{"customerId":"c","amountCents":-1}`, 400, invalid},
		{"authorize/fractional amount", "POST", "/api/payments", jsonType, `{"customerId":"c","amountCents":1.5}`, 400, invalid},
		{"authorize/amount as text", "POST", "/api/payments", jsonType, `{"customerId":"c","amountCents":"100"}`, 400, invalid},
		{"authorize/amount overflow", "POST", "/api/payments", jsonType, `{"customerId":"c","amountCents":1e30}`, 400, invalid},
		{"authorize/customer as number", "POST", "/api/payments", jsonType, `{"customerId":5,"amountCents":100}`, 400, invalid},
		{"authorize/NUL in customer", "POST", "/api/payments", jsonType, `{"customerId":"a\u0000b","amountCents":100}`, 400, invalid},
		{"authorize/huge customer", "POST", "/api/payments", jsonType, `{"customerId":"` + strings.Repeat("c", 129) + `","amountCents":100}`, 400, invalid},
		{"authorize/huge body", "POST", "/api/payments", jsonType, `{"customerId":"` + strings.Repeat("c", httpx.MaxBodyBytes) + `"}`, 413, tooLarge},
		{"authorize/GET", "GET", "/api/payments", "", "", 405, method},
		{"authorize/trailing slash", "POST", "/api/payments/", jsonType, valid, 404, notFound},
	}...)
	tests = append(tests, idCases("get payment", "GET", "/api/payments/", "", "")...)
	tests = append(tests, []badRequest{
		{"get payment/DELETE", "DELETE", "/api/payments/" + p.ID, "", "", 405, method},
		{"get payment/unknown sub-resource", "GET", "/api/payments/" + p.ID + "/refunds", "", "", 404, notFound},
	}...)
	tests = append(tests, idCases("get invoice", "GET", "/api/invoices/", "", "")...)
	tests = append(tests, []badRequest{
		{"get invoice/PUT", "PUT", "/api/invoices/" + open.ID, jsonType, `{}`, 405, method},
		{"list invoices/no order", "GET", "/api/invoices", "", "", 400, invalid},
		{"list invoices/empty order", "GET", "/api/invoices?orderId=", "", "", 400, invalid},
		{"list invoices/unknown parameter", "GET", "/api/invoices?orderId=o&status=open", "", "", 400, invalid},
		{"list invoices/repeated parameter", "GET", "/api/invoices?orderId=a&orderId=b", "", "", 400, invalid},
		{"list invoices/NUL", "GET", "/api/invoices?orderId=%00", "", "", 400, invalid},
		{"list invoices/invalid UTF-8", "GET", "/api/invoices?orderId=%FF%FE", "", "", 400, invalid},
		{"list invoices/huge id", "GET", "/api/invoices?orderId=" + strings.Repeat("o", 200), "", "", 400, invalid},
		{"list invoices/malformed query", "GET", "/api/invoices?orderId=%zz", "", "", 400, invalid},
		{"list invoices/POST", "POST", "/api/invoices", jsonType, `{}`, 405, method},
	}...)
	pay := "/api/invoices/" + open.ID + "/pay"
	tests = append(tests, idCases("pay", "POST", "/api/invoices/", "/pay", "")...)
	tests = append(tests, idCases("pay with empty object", "POST", "/api/invoices/", "/pay", `{}`)...)
	tests = append(tests, []badRequest{
		{"pay/malformed JSON", "POST", pay, jsonType, `{"amount":`, 400, invalid},
		{"pay/unknown field", "POST", pay, jsonType, `{"amountCents":100}`, 400, invalid},
		{"pay/array", "POST", pay, jsonType, `[]`, 400, invalid},
		{"pay/two documents", "POST", pay, jsonType, `{}{}`, 400, invalid},
		{"pay/wrong content type", "POST", pay, "text/plain", `{}`, 415, media},
		{"pay/GET", "GET", pay, "", "", 405, method},
		{"pay/paid invoice", "POST", "/api/invoices/" + paid.ID + "/pay", "", "", 409, conflict},
	}...)

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assertProblem(t, m.env.URL, tt)
		})
	}
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
func bodyCases(endpoint, path, valid string) []badRequest {
	return []badRequest{
		{endpoint + "/malformed JSON", "POST", path, jsonType, `{"customerId":`, 400, invalid},
		{endpoint + "/not JSON", "POST", path, jsonType, `hello`, 400, invalid},
		{endpoint + "/missing fields", "POST", path, jsonType, `{}`, 400, invalid},
		{endpoint + "/null", "POST", path, jsonType, `null`, 400, invalid},
		{endpoint + "/array", "POST", path, jsonType, `[]`, 400, invalid},
		{endpoint + "/unknown field", "POST", path, jsonType, valid[:len(valid)-1] + `,"currency":"EUR"}`, 400, invalid},
		{endpoint + "/two documents", "POST", path, jsonType, valid + valid, 400, invalid},
		{endpoint + "/empty body", "POST", path, jsonType, ``, 400, invalid},
		{endpoint + "/blank body", "POST", path, jsonType, "  \n", 400, invalid},
		{endpoint + "/no content type, empty body", "POST", path, "", ``, 400, invalid},
		{endpoint + "/wrong content type", "POST", path, "text/plain", valid, 415, media},
		{endpoint + "/form content type", "POST", path, "application/x-www-form-urlencoded", `customerId=c`, 415, media},
		{endpoint + "/garbled content type", "POST", path, "json;;;", valid, 415, media},
	}
}

// idCases are the ids an endpoint must answer 404 for: unknown, malformed,
// and bytes Postgres cannot hold as text.
func idCases(endpoint, method, prefix, suffix, body string) []badRequest {
	ct := ""
	if body != "" {
		ct = jsonType
	}
	ids := map[string]string{
		"unknown id":     msg.NewID(),
		"malformed id":   "not-a-uuid",
		"NUL in id":      "%00",
		"invalid UTF-8":  "%FF%FE",
		"slash in id":    "a%2Fb",
		"huge id":        strings.Repeat("x", 4000),
		"uppercase uuid": strings.ToUpper(msg.NewID()),
	}
	var cases []badRequest
	for name, id := range ids {
		cases = append(cases, badRequest{endpoint + "/" + name, method, prefix + id + suffix, ct, body, 404, notFound})
	}
	return cases
}

func assertProblem(t *testing.T, baseURL string, tt badRequest) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), tt.method, baseURL+tt.path, strings.NewReader(tt.body))
	require.NoError(t, err)
	if tt.contentType != "" {
		req.Header.Set("Content-Type", tt.contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)

	require.Less(t, resp.StatusCode, 500, "never a server error: %s", data)
	assert.Equal(t, tt.want, resp.StatusCode, "%s", data)
	assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
	var p httpx.Problem
	require.NoError(t, json.Unmarshal(data, &p), "problem document: %s", data)
	assert.Equal(t, tt.problem, p.Type)
	assert.Equal(t, resp.StatusCode, p.Status)
	assert.NotEmpty(t, p.CorrelationID)
}
