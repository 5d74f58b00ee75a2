package smsprovider_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

type badRequest struct {
	name        string
	method      string
	path        string
	contentType string
	key         []string // Idempotency-Key headers; nil sends "k"
	body        string
	status      int
	code        string
}

// TestBadInputIsAJSONErrorNeverAFailure sends every endpoint malformed,
// mistyped, incomplete and unknown input, and the wrong methods.
func TestBadInputIsAJSONErrorNeverAFailure(t *testing.T) {
	t.Parallel()
	srv, ctx := start(t), testContext(t)
	for _, tc := range badRequests() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			headers := []string{"Content-Type", "application/json"}
			if tc.contentType != "" {
				headers[1] = tc.contentType
			}
			if tc.key == nil {
				tc.key = []string{"k"}
			}
			for _, k := range tc.key {
				headers = append(headers, smsprovider.HeaderIdempotencyKey, k)
			}
			a := mustDo(t, ctx, tc.method, srv.URL+tc.path, tc.body, headers...)
			require.Equal(t, tc.status, a.status, "body: %s", a.body)
			assert.Equal(t, tc.code, errorOf(t, a).Code)
		})
	}
	assert.Empty(t, messages(t, ctx, srv.URL, ""), "no bad send was recorded")
}

func badRequests() []badRequest {
	const (
		invalid, media, tooLarge = smsprovider.CodeInvalidRequest, smsprovider.CodeUnsupportedMedia, smsprovider.CodeTooLarge
		notFound, method         = smsprovider.CodeNotFound, smsprovider.CodeMethodNotAllowed
		ok                       = `{"to": "+14155550123", "body": "hello"}`
	)
	long := strings.Repeat("x", smsprovider.MaxMessageLength+1)
	return []badRequest{
		{"send/malformed", "POST", "/v1/messages", "", nil, `{"to":`, 400, invalid},
		{"send/syntax error", "POST", "/v1/messages", "", nil, `{"to" "+14155550123"}`, 400, invalid},
		{"send/not an object", "POST", "/v1/messages", "", nil, `["+14155550123"]`, 400, invalid},
		{"send/null", "POST", "/v1/messages", "", nil, `null`, 400, invalid},
		{"send/wrong type", "POST", "/v1/messages", "", nil, `{"to": 14155550123, "body": "hello"}`, 400, invalid},
		{"send/missing to", "POST", "/v1/messages", "", nil, `{"body": "hello"}`, 400, invalid},
		{"send/missing body", "POST", "/v1/messages", "", nil, `{"to": "+14155550123"}`, 400, invalid},
		{"send/blank body", "POST", "/v1/messages", "", nil, `{"to": "+14155550123", "body": "  "}`, 400, invalid},
		{"send/body too long", "POST", "/v1/messages", "", nil, `{"to": "+14155550123", "body": "` + long + `"}`, 400, invalid},
		{"send/not a number", "POST", "/v1/messages", "", nil, `{"to": "ada", "body": "hello"}`, 400, invalid},
		{"send/number without plus", "POST", "/v1/messages", "", nil, `{"to": "14155550123", "body": "hello"}`, 400, invalid},
		{"send/unknown field", "POST", "/v1/messages", "", nil, `{"to": "+14155550123", "body": "hello", "from": "x"}`, 400, invalid},
		{"send/two documents", "POST", "/v1/messages", "", nil, ok + `{}`, 400, invalid},
		{"send/empty body", "POST", "/v1/messages", "", nil, ``, 400, invalid},
		{"send/wrong content type", "POST", "/v1/messages", "text/plain", nil, ok, 415, media},
		{"send/too large", "POST", "/v1/messages", "", nil, `{"body": "` + strings.Repeat("x", smsprovider.MaxBodyBytes) + `"}`, 413, tooLarge},
		{"send/no idempotency key", "POST", "/v1/messages", "", []string{}, ok, 400, invalid},
		{"send/empty idempotency key", "POST", "/v1/messages", "", []string{""}, ok, 400, invalid},
		{"send/two idempotency keys", "POST", "/v1/messages", "", []string{"a", "b"}, ok, 400, invalid},
		{"send/key with spaces", "POST", "/v1/messages", "", []string{"a b"}, ok, 400, invalid},
		{"send/key too long", "POST", "/v1/messages", "", []string{strings.Repeat("k", smsprovider.MaxKeyLength+1)}, ok, 400, invalid},
		{"send/wrong method", "PATCH", "/v1/messages", "", nil, ok, 405, method},

		{"list/unknown parameter", "GET", "/v1/messages?from=x", "", nil, ``, 400, invalid},
		{"list/repeated parameter", "GET", "/v1/messages?to=a&to=b", "", nil, ``, 400, invalid},
		{"list/malformed query", "GET", "/v1/messages?to=%zz", "", nil, ``, 400, invalid},

		{"faults/malformed", "PUT", "/v1/admin/faults", "", nil, `{"mode":`, 400, invalid},
		{"faults/unknown mode", "PUT", "/v1/admin/faults", "", nil, `{"mode": "explode"}`, 400, invalid},
		{"faults/missing mode", "PUT", "/v1/admin/faults", "", nil, `{"count": 1}`, 400, invalid},
		{"faults/negative count", "PUT", "/v1/admin/faults", "", nil, `{"mode": "fail", "count": -1}`, 400, invalid},
		{"faults/count as text", "PUT", "/v1/admin/faults", "", nil, `{"mode": "fail", "count": "two"}`, 400, invalid},
		{"faults/fractional count", "PUT", "/v1/admin/faults", "", nil, `{"mode": "fail", "count": 1.5}`, 400, invalid},
		{"faults/huge count", "PUT", "/v1/admin/faults", "", nil, `{"mode": "fail", "count": 1e30}`, 400, invalid},
		{"faults/slow without delay", "PUT", "/v1/admin/faults", "", nil, `{"mode": "slow"}`, 400, invalid},
		{"faults/slow too slow", "PUT", "/v1/admin/faults", "", nil, `{"mode": "slow", "delayMs": 60001}`, 400, invalid},
		{"faults/delay for fail", "PUT", "/v1/admin/faults", "", nil, `{"mode": "fail", "delayMs": 10}`, 400, invalid},
		{"faults/unknown field", "PUT", "/v1/admin/faults", "", nil, `{"mode": "fail", "rate": 0.5}`, 400, invalid},
		{"faults/empty body", "PUT", "/v1/admin/faults", "", nil, ``, 400, invalid},
		{"faults/wrong content type", "PUT", "/v1/admin/faults", "application/xml", nil, `{"mode": "fail"}`, 415, media},
		{"faults/wrong method", "POST", "/v1/admin/faults", "", nil, `{"mode": "fail"}`, 405, method},

		{"health/wrong method", "POST", "/healthz", "", nil, ``, 405, method},
		{"unknown path", "GET", "/v1/calls", "", nil, ``, 404, notFound},
		{"unknown message path", "GET", "/v1/messages/SM1", "", nil, ``, 404, notFound},
	}
}
