package ordering_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/msg"
)

const jsonType = "application/json"

type badRequest struct {
	name        string
	method      string
	path        string
	contentType string
	body        string
	want        int
	problem     string
}

const (
	invalid  = httpx.TypeInvalidInput
	notFound = httpx.TypeNotFound
	conflict = httpx.TypeConflict
	media    = httpx.TypeUnsupportedMedia
	method   = httpx.TypeMethodNotAllowed
	tooLarge = httpx.TypeTooLarge
)

// TestBadInput sends every endpoint input it must refuse and checks that the
// answer is the expected 4xx as problem details, never a 5xx. The order to
// cancel is pending: a bad request wrongly accepted would cancel it and
// show as a 200 here.
func TestBadInput(t *testing.T) {
	t.Parallel()
	m := startOrdering(t)
	ctx := testContext(t)
	pending := m.orderIn(t, ctx, orderingapi.StatusPending)
	ready := m.orderIn(t, ctx, orderingapi.StatusReady)

	var tests []badRequest
	tests = append(tests, idCases("get", "GET", "/api/orders/", "", "")...)
	tests = append(tests, []badRequest{
		{"get/DELETE", "DELETE", "/api/orders/" + pending.ID, "", "", 405, method},
		{"get/PUT", "PUT", "/api/orders/" + pending.ID, jsonType, `{}`, 405, method},
		{"get/unknown sub-resource", "GET", "/api/orders/" + pending.ID + "/items", "", "", 404, notFound},
		{"list/no criteria", "GET", "/api/orders", "", "", 400, invalid},
		{"list/empty criteria", "GET", "/api/orders?basketId=&customerId=", "", "", 400, invalid},
		{"list/unknown parameter", "GET", "/api/orders?status=pending", "", "", 400, invalid},
		{"list/unknown parameter with a known one", "GET", "/api/orders?customerId=c&limit=5", "", "", 400, invalid},
		{"list/repeated parameter", "GET", "/api/orders?customerId=a&customerId=b", "", "", 400, invalid},
		{"list/NUL", "GET", "/api/orders?customerId=%00", "", "", 400, invalid},
		{"list/invalid UTF-8", "GET", "/api/orders?basketId=%FF%FE", "", "", 400, invalid},
		{"list/huge id", "GET", "/api/orders?basketId=" + strings.Repeat("x", 200), "", "", 400, invalid},
		{"list/malformed query", "GET", "/api/orders?basketId=%zz", "", "", 400, invalid},
		{"list/POST", "POST", "/api/orders", jsonType, `{}`, 405, method},
		{"list/trailing slash", "GET", "/api/orders/?customerId=c", "", "", 404, notFound},
	}...)
	cancel := "/api/orders/" + pending.ID + "/cancel"
	tests = append(tests, bodyCases("cancel", cancel, `{"reason":"changed my mind"}`)...)
	tests = append(tests, idCases("cancel", "POST", "/api/orders/", "/cancel", `{"reason":"x"}`)...)
	tests = append(tests, idCases("cancel without body", "POST", "/api/orders/", "/cancel", "")...)
	tests = append(tests, []badRequest{
		{"cancel/wrong-typed reason", "POST", cancel, jsonType, `{"reason":5}`, 400, invalid},
		{"cancel/null reason", "POST", cancel, jsonType, `{"reason":["a"]}`, 400, invalid},
		{"cancel/NUL in reason", "POST", cancel, jsonType, `{"reason":"a\u0000b"}`, 400, invalid},
		{"cancel/newline in reason", "POST", cancel, jsonType, `{"reason":"a\nb"}`, 400, invalid},
		{"cancel/reason too long", "POST", cancel, jsonType, `{"reason":"` + strings.Repeat("é", 501) + `"}`, 400, invalid},
		{"cancel/huge body", "POST", cancel, jsonType, `{"reason":"` + strings.Repeat("a", httpx.MaxBodyBytes) + `"}`, 413, tooLarge},
		{"cancel/GET", "GET", cancel, "", "", 405, method},
		{"cancel/ready order", "POST", "/api/orders/" + ready.ID + "/cancel", jsonType, `{}`, 409, conflict},
	}...)

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assertProblem(t, m.env.URL, tt)
		})
	}
	got, err := m.c.Order(ctx, pending.ID)
	require.NoError(t, err)
	assert.Equal(t, orderingapi.StatusPending, got.Status, "no bad request cancelled the order")
}

// bodyCases are the malformed documents an endpoint with a body refuses.
func bodyCases(endpoint, path, valid string) []badRequest {
	return []badRequest{
		{endpoint + "/malformed JSON", "POST", path, jsonType, `{"reason":`, 400, invalid},
		{endpoint + "/not JSON", "POST", path, jsonType, `hello`, 400, invalid},
		{endpoint + "/null", "POST", path, jsonType, `null`, 400, invalid},
		{endpoint + "/array", "POST", path, jsonType, `[]`, 400, invalid},
		{endpoint + "/string", "POST", path, jsonType, `"stop"`, 400, invalid},
		{endpoint + "/unknown field", "POST", path, jsonType, valid[:len(valid)-1] + `,"refund":true}`, 400, invalid},
		{endpoint + "/two documents", "POST", path, jsonType, valid + valid, 400, invalid},
		{endpoint + "/blank body", "POST", path, jsonType, "  \n", 400, invalid},
		{endpoint + "/wrong content type", "POST", path, "text/plain", valid, 415, media},
		{endpoint + "/form content type", "POST", path, "application/x-www-form-urlencoded", `reason=x`, 415, media},
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
