package notifications_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/httpx"
)

type badRequest struct {
	name   string
	method string
	path   string
	body   string
	status int
	// problem is the problem type expected; "" for a success.
	problem string
}

// TestBadInputIsAProblemNeverAFailure sends the notifications API missing,
// unknown, repeated and malformed query parameters, and the wrong methods.
func TestBadInputIsAProblemNeverAFailure(t *testing.T) {
	t.Parallel()
	w := start(t, fastRetries)
	const invalid, notFound, method = httpx.TypeInvalidInput, httpx.TypeNotFound, httpx.TypeMethodNotAllowed
	long := strings.Repeat("x", 129)
	for _, tc := range []badRequest{
		{"no filter", "GET", "/api/notifications", ``, 400, invalid},
		{"empty filters", "GET", "/api/notifications?customerId=&orderId=", ``, 400, invalid},
		{"unknown parameter", "GET", "/api/notifications?customerId=c&status=sent", ``, 400, invalid},
		{"repeated parameter", "GET", "/api/notifications?orderId=a&orderId=b", ``, 400, invalid},
		{"malformed query", "GET", "/api/notifications?orderId=%zz", ``, 400, invalid},
		{"semicolon in query", "GET", "/api/notifications?orderId=a;b", ``, 400, invalid},
		{"nul in id", "GET", "/api/notifications?customerId=a%00b", ``, 400, invalid},
		{"invalid utf-8 id", "GET", "/api/notifications?customerId=%ff%fe", ``, 400, invalid},
		{"id too long", "GET", "/api/notifications?orderId=" + long, ``, 400, invalid},
		{"a body is ignored", "GET", "/api/notifications?customerId=c", `{"customerId": 1}`, 200, ""},
		{"unknown customer is an empty list", "GET", "/api/notifications?customerId=no-such-customer", ``, 200, ""},
		{"wrong method", "POST", "/api/notifications", `{}`, 405, method},
		{"delete", "DELETE", "/api/notifications?orderId=o", ``, 405, method},
		{"unknown path", "GET", "/api/notifications/some-key", ``, 404, notFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			status, problem, body := send(t, w.ctx, w.env.URL, tc)
			assert.Equal(t, tc.status, status, "body: %s", body)
			assert.Equal(t, tc.problem, problem.Type, "body: %s", body)
			if status == http.StatusOK {
				assert.JSONEq(t, `{"notifications": []}`, body)
			}
		})
	}
}

// send makes one raw request and checks that any failure is a problem
// document; it returns the status, the problem and the raw body.
func send(t *testing.T, ctx context.Context, baseURL string, tc badRequest) (int, httpx.Problem, string) {
	t.Helper()
	var body io.Reader
	if tc.body != "" {
		body = strings.NewReader(tc.body)
	}
	req, err := http.NewRequestWithContext(ctx, tc.method, baseURL+tc.path, body)
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var p httpx.Problem
	if resp.StatusCode >= 400 {
		assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
		require.NoError(t, json.Unmarshal(raw, &p), "a problem document: %s", raw)
		assert.NotEmpty(t, p.Type)
	}
	assert.Less(t, resp.StatusCode, 500, "never a server failure: %s", raw)
	return resp.StatusCode, p, string(raw)
}
