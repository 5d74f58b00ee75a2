package baskets_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// TestBadInputIsAProblemNeverAFailure sends every endpoint malformed,
// mistyped, incomplete and unknown input, and the wrong methods.
func TestBadInputIsAProblemNeverAFailure(t *testing.T) {
	t.Parallel()
	env, c := startMall(t)
	ctx := testContext(t)
	_, product := seedProduct(t, ctx, c, "Tools", "Saw", 2000)
	full, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: register(t, ctx, c)})
	require.NoError(t, err)
	_, err = c.AddItem(ctx, full.ID, basketsapi.AddItem{ProductID: product.ID, Quantity: 1})
	require.NoError(t, err)
	empty, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: register(t, ctx, c)})
	require.NoError(t, err)

	for _, tc := range badRequests(full.ID, empty.ID) {
		t.Run(tc.Name, func(t *testing.T) {
			t.Parallel()
			systest.Expect(t, ctx, env.URL, tc)
		})
	}
}

func badRequests(full, empty string) []systest.BadRequest {
	const (
		invalid, notFound, conflict = httpx.TypeInvalidInput, httpx.TypeNotFound, httpx.TypeConflict
		media, method               = httpx.TypeUnsupportedMedia, httpx.TypeMethodNotAllowed
	)
	items, checkout := "/api/baskets/"+full+"/items", "/api/baskets/"+full+"/checkout"
	return []systest.BadRequest{
		systest.Case("start/malformed", "POST", "/api/baskets", "", `{"customerId":`, 400, invalid),
		systest.Case("start/not an object", "POST", "/api/baskets", "", `["customer-1"]`, 400, invalid),
		systest.Case("start/wrong type", "POST", "/api/baskets", "", `{"customerId": 7}`, 400, invalid),
		systest.Case("start/missing customer", "POST", "/api/baskets", "", `{}`, 400, invalid),
		systest.Case("start/null body", "POST", "/api/baskets", "", `null`, 400, invalid),
		systest.Case("start/blank customer", "POST", "/api/baskets", "", `{"customerId": ""}`, 400, invalid),
		systest.Case("start/control characters", "POST", "/api/baskets", "", `{"customerId": "a\u0000b"}`, 400, invalid),
		systest.Case("start/unknown field", "POST", "/api/baskets", "", `{"customerId": "c", "vip": true}`, 400, invalid),
		systest.Case("start/two documents", "POST", "/api/baskets", "", `{"customerId": "c"}{}`, 400, invalid),
		systest.Case("start/empty body", "POST", "/api/baskets", "", ``, 400, invalid),
		systest.Case("start/wrong content type", "POST", "/api/baskets", "text/plain", `{"customerId": "c"}`, 415, media),
		systest.Case("start/too large", "POST", "/api/baskets", "", `{"customerId": "`+strings.Repeat("x", httpx.MaxBodyBytes)+`"}`, 413, httpx.TypeTooLarge),
		systest.Case("start/wrong method", "PUT", "/api/baskets", "", `{"customerId": "c"}`, 405, method),
		systest.Case("start/unregistered customer", "POST", "/api/baskets", "", `{"customerId": "`+msg.NewID()+`"}`, 404, notFound),
		systest.Case("start/customer id never issued", "POST", "/api/baskets", "", `{"customerId": "c"}`, 404, notFound),
		systest.Case("list/wrong method", "GET", "/api/baskets", "", ``, 405, method),

		systest.Case("get/unknown id", "GET", "/api/baskets/no-such-basket", "", ``, 404, notFound),
		systest.Case("get/nul id", "GET", "/api/baskets/%00", "", ``, 404, notFound),
		systest.Case("get/invalid utf-8 id", "GET", "/api/baskets/%ff%fe", "", ``, 404, notFound),
		systest.Case("get/wrong method", "PATCH", "/api/baskets/"+full, "", `{}`, 405, method),

		systest.Case("add/malformed", "POST", items, "", `{"productId": "p", "quantity": }`, 400, invalid),
		systest.Case("add/quantity as text", "POST", items, "", `{"productId": "p", "quantity": "two"}`, 400, invalid),
		systest.Case("add/product as number", "POST", items, "", `{"productId": 12, "quantity": 1}`, 400, invalid),
		systest.Case("add/fractional quantity", "POST", items, "", `{"productId": "p", "quantity": 1.5}`, 400, invalid),
		systest.Case("add/quantity beyond int64", "POST", items, "", `{"productId": "p", "quantity": 9223372036854775808}`, 400, invalid),
		systest.Case("add/quantity too large", "POST", items, "", `{"productId": "p", "quantity": 10001}`, 400, invalid),
		systest.Case("add/zero quantity", "POST", items, "", `{"productId": "p", "quantity": 0}`, 400, invalid),
		systest.Case("add/negative quantity", "POST", items, "", `{"productId": "p", "quantity": -3}`, 400, invalid),
		systest.Case("add/missing quantity", "POST", items, "", `{"productId": "p"}`, 400, invalid),
		systest.Case("add/missing product", "POST", items, "", `{"quantity": 1}`, 400, invalid),
		systest.Case("add/missing everything", "POST", items, "", `{}`, 400, invalid),
		systest.Case("add/unknown field", "POST", items, "", `{"productId": "p", "quantity": 1, "gift": true}`, 400, invalid),
		systest.Case("add/empty body", "POST", items, "", ``, 400, invalid),
		systest.Case("add/wrong content type", "POST", items, "application/xml", `{"productId": "p", "quantity": 1}`, 415, media),
		systest.Case("add/unknown product", "POST", items, "", `{"productId": "no-such-product", "quantity": 1}`, 404, notFound),
		systest.Case("add/unknown basket", "POST", "/api/baskets/no-such-basket/items", "", `{"productId": "p", "quantity": 1}`, 404, notFound),
		systest.Case("add/wrong method", "PUT", items, "", `{"productId": "p", "quantity": 1}`, 405, method),

		systest.Case("remove/product not in basket", "DELETE", items+"/no-such-product", "", ``, 404, notFound),
		systest.Case("remove/unknown basket", "DELETE", "/api/baskets/no-such-basket/items/p", "", ``, 404, notFound),
		systest.Case("remove/wrong method", "POST", items+"/p", "", `{}`, 405, method),

		systest.Case("cancel/unknown basket", "POST", "/api/baskets/no-such-basket/cancel", "", ``, 404, notFound),
		systest.Case("cancel/wrong method", "GET", "/api/baskets/"+full+"/cancel", "", ``, 405, method),

		systest.Case("checkout/malformed", "POST", checkout, "", `{"paymentId"`, 400, invalid),
		systest.Case("checkout/wrong type", "POST", checkout, "", `{"paymentId": ["p"]}`, 400, invalid),
		systest.Case("checkout/missing payment", "POST", checkout, "", `{}`, 400, invalid),
		systest.Case("checkout/unknown field", "POST", checkout, "", `{"paymentId": "p", "tip": 1}`, 400, invalid),
		systest.Case("checkout/empty body", "POST", checkout, "", ``, 400, invalid),
		systest.Case("checkout/wrong content type", "POST", checkout, "text/csv", `{"paymentId": "p"}`, 415, media),
		systest.Case("checkout/unknown basket", "POST", "/api/baskets/no-such-basket/checkout", "", `{"paymentId": "p"}`, 404, notFound),
		systest.Case("checkout/empty basket", "POST", "/api/baskets/"+empty+"/checkout", "", `{"paymentId": "p"}`, 409, conflict),
		systest.Case("checkout/wrong method", "GET", checkout, "", ``, 405, method),

		systest.Case("unknown path", "GET", "/api/baskets/"+full+"/discounts", "", ``, 404, notFound),
	}
}
