package cosec_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/msg"
)

type badRequest struct {
	name        string
	method      string
	path        string
	contentType string
	body        string
	status      int
	problem     string
}

// TestBadInputIsAProblemNeverAFailure sends the saga endpoint unknown and
// unstorable ids, the wrong methods and bodies it does not take.
func TestBadInputIsAProblemNeverAFailure(t *testing.T) {
	t.Parallel()
	m := startCosec(t, 0)
	p := m.play(t, nil)
	o := newOrder()
	m.createOrder(t, o, "checkout-"+msg.NewID())
	p.await(t, len(forward))
	m.ended(t, o.ID)

	for _, tc := range badRequests(o.ID) {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			status, problem, body := send(t, m.env.URL, tc)
			assert.Equal(t, tc.status, status, "body: %s", body)
			assert.Equal(t, tc.problem, problem.Type, "body: %s", body)
		})
	}
}

func badRequests(known string) []badRequest {
	const notFound, method = httpx.TypeNotFound, httpx.TypeMethodNotAllowed
	saga := "/api/sagas/" + known
	return []badRequest{
		{"known saga", "GET", saga, "", ``, 200, ""},
		{"known saga/body is not read", "GET", saga, "text/plain", `{"orderId":`, 200, ""},
		{"unknown id", "GET", "/api/sagas/" + msg.NewID(), "", ``, 404, notFound},
		{"not a uuid", "GET", "/api/sagas/no-such-order", "", ``, 404, notFound},
		{"NUL in id", "GET", "/api/sagas/a%00b", "", ``, 404, notFound},
		{"control character", "GET", "/api/sagas/a%01b", "", ``, 404, notFound},
		{"invalid utf-8", "GET", "/api/sagas/%ff%fe", "", ``, 404, notFound},
		{"escaped slash", "GET", "/api/sagas/a%2Fb", "", ``, 404, notFound},
		{"unicode", "GET", "/api/sagas/%E5%95%86%F0%9F%9B%92", "", ``, 404, notFound},
		{"too long id", "GET", "/api/sagas/" + strings.Repeat("x", 5000), "", ``, 404, notFound},
		{"quote and percent", "GET", "/api/sagas/%27%25%22", "", ``, 404, notFound},
		{"no id", "GET", "/api/sagas/", "", ``, 404, notFound},
		{"list", "GET", "/api/sagas", "", ``, 404, notFound},
		{"sub-resource", "GET", saga + "/history", "", ``, 404, notFound},
		{"create", "POST", saga, "", `{"orderId":"x"}`, 405, method},
		{"create/malformed", "POST", saga, "", `{"orderId":`, 405, method},
		{"create/wrong type", "POST", saga, "", `{"status": 1}`, 405, method},
		{"create/unknown field", "POST", saga, "", `{"extra": true}`, 405, method},
		{"create/empty body", "POST", saga, "", ``, 405, method},
		{"create/wrong content type", "POST", saga, "application/xml", `<saga/>`, 405, method},
		{"replace", "PUT", saga, "", `{}`, 405, method},
		{"patch", "PATCH", saga, "", `{}`, 405, method},
		{"delete", "DELETE", saga, "", ``, 405, method},
	}
}

// send makes one raw request and checks that any failure is a problem
// document; it returns the status, the problem and the raw body.
func send(t *testing.T, baseURL string, tc badRequest) (int, httpx.Problem, string) {
	t.Helper()
	var body io.Reader
	if tc.body != "" {
		body = strings.NewReader(tc.body)
	}
	ctx, cancel := context.WithTimeout(t.Context(), waitFor)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, tc.method, baseURL+tc.path, body)
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	if tc.contentType != "" {
		req.Header.Set("Content-Type", tc.contentType)
	}
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

func TestTheClientReadsASagaAndReportsAnUnknownOne(t *testing.T) {
	t.Parallel()
	m := startCosec(t, 0)
	p := m.play(t, nil)
	o := newOrder()
	m.createOrder(t, o, "checkout-"+msg.NewID())
	p.await(t, len(forward))

	saga := m.ended(t, o.ID)
	assert.Equal(t, o.ID, saga.OrderID)
	assert.False(t, saga.StartedAt.IsZero())
	assert.False(t, saga.UpdatedAt.Before(saga.StartedAt))

	_, err := m.c.Saga(t.Context(), "no/such order")
	assert.Equal(t, http.StatusNotFound, client.StatusOf(err))
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, httpx.TypeNotFound, e.Problem.Type)
	assert.Contains(t, e.Problem.Detail, `saga "no/such order" not found`)
}
