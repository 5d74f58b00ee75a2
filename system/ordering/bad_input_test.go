package ordering_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

const jsonType = "application/json"

const (
	invalid  = httpx.TypeInvalidInput
	notFound = httpx.TypeNotFound
	conflict = httpx.TypeConflict
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

	var tests []systest.BadRequest
	tests = append(tests, systest.IDCases("get", "GET", "/api/orders/", "", "")...)
	tests = append(tests, []systest.BadRequest{
		systest.Case("get/DELETE", "DELETE", "/api/orders/"+pending.ID, "", "", 405, method),
		systest.Case("get/PUT", "PUT", "/api/orders/"+pending.ID, jsonType, `{}`, 405, method),
		systest.Case("get/unknown sub-resource", "GET", "/api/orders/"+pending.ID+"/items", "", "", 404, notFound),
		systest.Case("list/no criteria", "GET", "/api/orders", "", "", 400, invalid),
		systest.Case("list/empty criteria", "GET", "/api/orders?basketId=&customerId=", "", "", 400, invalid),
		systest.Case("list/unknown parameter", "GET", "/api/orders?status=pending", "", "", 400, invalid),
		systest.Case("list/unknown parameter with a known one", "GET", "/api/orders?customerId=c&limit=5", "", "", 400, invalid),
		systest.Case("list/repeated parameter", "GET", "/api/orders?customerId=a&customerId=b", "", "", 400, invalid),
		systest.Case("list/NUL", "GET", "/api/orders?customerId=%00", "", "", 400, invalid),
		systest.Case("list/invalid UTF-8", "GET", "/api/orders?basketId=%FF%FE", "", "", 400, invalid),
		systest.Case("list/huge id", "GET", "/api/orders?basketId="+strings.Repeat("x", 200), "", "", 400, invalid),
		systest.Case("list/malformed query", "GET", "/api/orders?basketId=%zz", "", "", 400, invalid),
		systest.Case("list/POST", "POST", "/api/orders", jsonType, `{}`, 405, method),
		systest.Case("list/trailing slash", "GET", "/api/orders/?customerId=c", "", "", 404, notFound),
	}...)
	cancel := "/api/orders/" + pending.ID + "/cancel"
	tests = append(tests, bodyCases("cancel", cancel, `{"reason":"changed my mind"}`)...)
	tests = append(tests, systest.IDCases("cancel", "POST", "/api/orders/", "/cancel", `{"reason":"x"}`)...)
	tests = append(tests, systest.IDCases("cancel without body", "POST", "/api/orders/", "/cancel", "")...)
	tests = append(tests, []systest.BadRequest{
		systest.Case("cancel/wrong-typed reason", "POST", cancel, jsonType, `{"reason":5}`, 400, invalid),
		systest.Case("cancel/null reason", "POST", cancel, jsonType, `{"reason":["a"]}`, 400, invalid),
		systest.Case("cancel/NUL in reason", "POST", cancel, jsonType, `{"reason":"a\u0000b"}`, 400, invalid),
		systest.Case("cancel/newline in reason", "POST", cancel, jsonType, `{"reason":"a\nb"}`, 400, invalid),
		systest.Case("cancel/reason too long", "POST", cancel, jsonType, `{"reason":"`+strings.Repeat("é", 501)+`"}`, 400, invalid),
		systest.Case("cancel/huge body", "POST", cancel, jsonType, `{"reason":"`+strings.Repeat("a", httpx.MaxBodyBytes)+`"}`, 413, tooLarge),
		systest.Case("cancel/GET", "GET", cancel, "", "", 405, method),
		systest.Case("cancel/ready order", "POST", "/api/orders/"+ready.ID+"/cancel", jsonType, `{}`, 409, conflict),
	}...)

	systest.RunBadRequests(t, m.env.URL, tests)
	got, err := m.c.Order(ctx, pending.ID)
	require.NoError(t, err)
	assert.Equal(t, orderingapi.StatusPending, got.Status, "no bad request cancelled the order")
}

// bodyCases are the malformed documents an endpoint with a body refuses.
func bodyCases(endpoint, path, valid string) []systest.BadRequest {
	doc := systest.Doc{Valid: valid, Truncated: `{"reason":`, Unknown: `"refund":true`, Form: `reason=x`}
	return append(systest.DocCases(endpoint, path, doc),
		systest.Case(endpoint+"/string", "POST", path, jsonType, `"stop"`, 400, invalid))
}
