package cosec_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/msg"
)

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
		t.Run(tc.Name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(t.Context(), waitFor)
			defer cancel()
			systest.Expect(t, ctx, m.env.URL, tc)
		})
	}
}

func badRequests(known string) []systest.BadRequest {
	const notFound, method = httpx.TypeNotFound, httpx.TypeMethodNotAllowed
	saga := "/api/sagas/" + known
	return []systest.BadRequest{
		systest.Case("known saga", "GET", saga, "", ``, 200, ""),
		systest.Case("known saga/body is not read", "GET", saga, "text/plain", `{"orderId":`, 200, ""),
		systest.Case("unknown id", "GET", "/api/sagas/"+msg.NewID(), "", ``, 404, notFound),
		systest.Case("not a uuid", "GET", "/api/sagas/no-such-order", "", ``, 404, notFound),
		systest.Case("NUL in id", "GET", "/api/sagas/a%00b", "", ``, 404, notFound),
		systest.Case("control character", "GET", "/api/sagas/a%01b", "", ``, 404, notFound),
		systest.Case("invalid utf-8", "GET", "/api/sagas/%ff%fe", "", ``, 404, notFound),
		systest.Case("escaped slash", "GET", "/api/sagas/a%2Fb", "", ``, 404, notFound),
		systest.Case("unicode", "GET", "/api/sagas/%E5%95%86%F0%9F%9B%92", "", ``, 404, notFound),
		systest.Case("too long id", "GET", "/api/sagas/"+strings.Repeat("x", 5000), "", ``, 404, notFound),
		systest.Case("quote and percent", "GET", "/api/sagas/%27%25%22", "", ``, 404, notFound),
		systest.Case("no id", "GET", "/api/sagas/", "", ``, 404, notFound),
		systest.Case("list", "GET", "/api/sagas", "", ``, 404, notFound),
		systest.Case("sub-resource", "GET", saga+"/history", "", ``, 404, notFound),
		systest.Case("create", "POST", saga, "", `{"orderId":"x"}`, 405, method),
		systest.Case("create/malformed", "POST", saga, "", `{"orderId":`, 405, method),
		systest.Case("create/wrong type", "POST", saga, "", `{"status": 1}`, 405, method),
		systest.Case("create/unknown field", "POST", saga, "", `{"extra": true}`, 405, method),
		systest.Case("create/empty body", "POST", saga, "", ``, 405, method),
		systest.Case("create/wrong content type", "POST", saga, "application/xml", `<saga/>`, 405, method),
		systest.Case("replace", "PUT", saga, "", `{}`, 405, method),
		systest.Case("patch", "PATCH", saga, "", `{}`, 405, method),
		systest.Case("delete", "DELETE", saga, "", ``, 405, method),
	}
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
