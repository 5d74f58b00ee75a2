package notifications_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

// TestBadInputIsAProblemNeverAFailure sends the notifications API missing,
// unknown, repeated and malformed query parameters, and the wrong methods.
func TestBadInputIsAProblemNeverAFailure(t *testing.T) {
	t.Parallel()
	w := start(t, fastRetries)
	const invalid, notFound, method = httpx.TypeInvalidInput, httpx.TypeNotFound, httpx.TypeMethodNotAllowed
	long := strings.Repeat("x", 129)
	for _, tc := range []systest.BadRequest{
		systest.Case("no filter", "GET", "/api/notifications", "", ``, 400, invalid),
		systest.Case("empty filters", "GET", "/api/notifications?customerId=&orderId=", "", ``, 400, invalid),
		systest.Case("unknown parameter", "GET", "/api/notifications?customerId=c&status=sent", "", ``, 400, invalid),
		systest.Case("repeated parameter", "GET", "/api/notifications?orderId=a&orderId=b", "", ``, 400, invalid),
		systest.Case("malformed query", "GET", "/api/notifications?orderId=%zz", "", ``, 400, invalid),
		systest.Case("semicolon in query", "GET", "/api/notifications?orderId=a;b", "", ``, 400, invalid),
		systest.Case("nul in id", "GET", "/api/notifications?customerId=a%00b", "", ``, 400, invalid),
		systest.Case("invalid utf-8 id", "GET", "/api/notifications?customerId=%ff%fe", "", ``, 400, invalid),
		systest.Case("id too long", "GET", "/api/notifications?orderId="+long, "", ``, 400, invalid),
		systest.Case("a body is ignored", "GET", "/api/notifications?customerId=c", "", `{"customerId": 1}`, 200, ""),
		systest.Case("unknown customer is an empty list", "GET", "/api/notifications?customerId=no-such-customer", "", ``, 200, ""),
		systest.Case("wrong method", "POST", "/api/notifications", "", `{}`, 405, method),
		systest.Case("delete", "DELETE", "/api/notifications?orderId=o", "", ``, 405, method),
		systest.Case("unknown path", "GET", "/api/notifications/some-key", "", ``, 404, notFound),
	} {
		t.Run(tc.Name, func(t *testing.T) {
			t.Parallel()
			status, body := systest.Expect(t, w.ctx, w.env.URL, tc)
			if status == http.StatusOK {
				assert.JSONEq(t, `{"notifications": []}`, body)
			}
		})
	}
}
