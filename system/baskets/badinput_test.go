package baskets_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/platform/httpx"
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

// TestBadInputIsAProblemNeverAFailure sends every endpoint malformed,
// mistyped, incomplete and unknown input, and the wrong methods.
func TestBadInputIsAProblemNeverAFailure(t *testing.T) {
	t.Parallel()
	env, c := startMall(t)
	ctx := testContext(t)
	_, product := seedProduct(t, ctx, c, "Tools", "Saw", 2000)
	full, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: "customer-1"})
	require.NoError(t, err)
	_, err = c.AddItem(ctx, full.ID, basketsapi.AddItem{ProductID: product.ID, Quantity: 1})
	require.NoError(t, err)
	empty, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: "customer-2"})
	require.NoError(t, err)

	for _, tc := range badRequests(full.ID, empty.ID) {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			status, problem, body := send(t, ctx, env.URL, tc)
			assert.Equal(t, tc.status, status, "body: %s", body)
			assert.Equal(t, tc.problem, problem.Type, "body: %s", body)
		})
	}
}

func badRequests(full, empty string) []badRequest {
	const (
		invalid, notFound, conflict = httpx.TypeInvalidInput, httpx.TypeNotFound, httpx.TypeConflict
		media, method               = httpx.TypeUnsupportedMedia, httpx.TypeMethodNotAllowed
	)
	items, checkout := "/api/baskets/"+full+"/items", "/api/baskets/"+full+"/checkout"
	return []badRequest{
		{"start/malformed", "POST", "/api/baskets", "", `{"customerId":`, 400, invalid},
		{"start/not an object", "POST", "/api/baskets", "", `["customer-1"]`, 400, invalid},
		{"start/wrong type", "POST", "/api/baskets", "", `{"customerId": 7}`, 400, invalid},
		{"start/missing customer", "POST", "/api/baskets", "", `{}`, 400, invalid},
		{"start/null body", "POST", "/api/baskets", "", `null`, 400, invalid},
		{"start/blank customer", "POST", "/api/baskets", "", `{"customerId": ""}`, 400, invalid},
		{"start/control characters", "POST", "/api/baskets", "", `{"customerId": "a\u0000b"}`, 400, invalid},
		{"start/unknown field", "POST", "/api/baskets", "", `{"customerId": "c", "vip": true}`, 400, invalid},
		{"start/two documents", "POST", "/api/baskets", "", `{"customerId": "c"}{}`, 400, invalid},
		{"start/empty body", "POST", "/api/baskets", "", ``, 400, invalid},
		{"start/wrong content type", "POST", "/api/baskets", "text/plain", `{"customerId": "c"}`, 415, media},
		{"start/too large", "POST", "/api/baskets", "", `{"customerId": "` + strings.Repeat("x", httpx.MaxBodyBytes) + `"}`, 413, httpx.TypeTooLarge},
		{"start/wrong method", "PUT", "/api/baskets", "", `{"customerId": "c"}`, 405, method},
		{"list/wrong method", "GET", "/api/baskets", "", ``, 405, method},

		{"get/unknown id", "GET", "/api/baskets/no-such-basket", "", ``, 404, notFound},
		{"get/nul id", "GET", "/api/baskets/%00", "", ``, 404, notFound},
		{"get/invalid utf-8 id", "GET", "/api/baskets/%ff%fe", "", ``, 404, notFound},
		{"get/wrong method", "PATCH", "/api/baskets/" + full, "", `{}`, 405, method},

		{"add/malformed", "POST", items, "", `{"productId": "p", "quantity": }`, 400, invalid},
		{"add/quantity as text", "POST", items, "", `{"productId": "p", "quantity": "two"}`, 400, invalid},
		{"add/product as number", "POST", items, "", `{"productId": 12, "quantity": 1}`, 400, invalid},
		{"add/fractional quantity", "POST", items, "", `{"productId": "p", "quantity": 1.5}`, 400, invalid},
		{"add/quantity beyond int64", "POST", items, "", `{"productId": "p", "quantity": 9223372036854775808}`, 400, invalid},
		{"add/quantity too large", "POST", items, "", `{"productId": "p", "quantity": 10001}`, 400, invalid},
		{"add/zero quantity", "POST", items, "", `{"productId": "p", "quantity": 0}`, 400, invalid},
		{"add/negative quantity", "POST", items, "", `{"productId": "p", "quantity": -3}`, 400, invalid},
		{"add/missing quantity", "POST", items, "", `{"productId": "p"}`, 400, invalid},
		{"add/missing product", "POST", items, "", `{"quantity": 1}`, 400, invalid},
		{"add/missing everything", "POST", items, "", `{}`, 400, invalid},
		{"add/unknown field", "POST", items, "", `{"productId": "p", "quantity": 1, "gift": true}`, 400, invalid},
		{"add/empty body", "POST", items, "", ``, 400, invalid},
		{"add/wrong content type", "POST", items, "application/xml", `{"productId": "p", "quantity": 1}`, 415, media},
		{"add/unknown product", "POST", items, "", `{"productId": "no-such-product", "quantity": 1}`, 404, notFound},
		{"add/unknown basket", "POST", "/api/baskets/no-such-basket/items", "", `{"productId": "p", "quantity": 1}`, 404, notFound},
		{"add/wrong method", "PUT", items, "", `{"productId": "p", "quantity": 1}`, 405, method},

		{"remove/product not in basket", "DELETE", items + "/no-such-product", "", ``, 404, notFound},
		{"remove/unknown basket", "DELETE", "/api/baskets/no-such-basket/items/p", "", ``, 404, notFound},
		{"remove/wrong method", "POST", items + "/p", "", `{}`, 405, method},

		{"cancel/unknown basket", "POST", "/api/baskets/no-such-basket/cancel", "", ``, 404, notFound},
		{"cancel/wrong method", "GET", "/api/baskets/" + full + "/cancel", "", ``, 405, method},

		{"checkout/malformed", "POST", checkout, "", `{"paymentId"`, 400, invalid},
		{"checkout/wrong type", "POST", checkout, "", `{"paymentId": ["p"]}`, 400, invalid},
		{"checkout/missing payment", "POST", checkout, "", `{}`, 400, invalid},
		{"checkout/unknown field", "POST", checkout, "", `{"paymentId": "p", "tip": 1}`, 400, invalid},
		{"checkout/empty body", "POST", checkout, "", ``, 400, invalid},
		{"checkout/wrong content type", "POST", checkout, "text/csv", `{"paymentId": "p"}`, 415, media},
		{"checkout/unknown basket", "POST", "/api/baskets/no-such-basket/checkout", "", `{"paymentId": "p"}`, 404, notFound},
		{"checkout/empty basket", "POST", "/api/baskets/" + empty + "/checkout", "", `{"paymentId": "p"}`, 409, conflict},
		{"checkout/wrong method", "GET", checkout, "", ``, 405, method},

		{"unknown path", "GET", "/api/baskets/" + full + "/discounts", "", ``, 404, notFound},
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
