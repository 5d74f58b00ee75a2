package search_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/search/searchapi"
)

type queryCase struct {
	name   string
	method string
	path   string
	query  string
	status int
	// problem is the problem type of a failure.
	problem string
	// params are the query parameters a 400 must name.
	params []string
}

// TestBadQueryIsAProblemNeverAFailure sends the search malformed, unknown,
// repeated and out-of-range parameters, and the wrong methods: each is a 4xx
// problem naming what to fix, never a 5xx. Valid edge cases answer 200.
func TestBadQueryIsAProblemNeverAFailure(t *testing.T) {
	t.Parallel()
	env, _ := startSearch(t)
	ctx := testContext(t)
	for _, tc := range queryCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			status, p, body := sendQuery(t, ctx, env.URL, tc)
			require.Equal(t, tc.status, status, "body: %s", body)
			if status == http.StatusOK {
				var list searchapi.OrderList
				require.NoError(t, json.Unmarshal([]byte(body), &list))
				assert.NotNil(t, list.Orders, "an empty result is [] not null: %s", body)
				return
			}
			assert.Equal(t, tc.problem, p.Type, "body: %s", body)
			var named []string
			for _, f := range p.Errors {
				named = append(named, f.Field)
				assert.Contains(t, p.Detail, `"`+f.Field+`"`, "the detail names the parameter")
			}
			assert.ElementsMatch(t, tc.params, named, "body: %s", body)
		})
	}
}

func queryCases() []queryCase {
	const (
		invalid, method, notFound = httpx.TypeInvalidInput, httpx.TypeMethodNotAllowed, httpx.TypeNotFound
		get, orders               = http.MethodGet, searchapi.OrdersPath
	)
	bad := func(name, query string, params ...string) queryCase {
		return queryCase{name: name, method: get, path: orders, query: query, status: 400, problem: invalid, params: params}
	}
	ok := func(name, query string) queryCase {
		return queryCase{name: name, method: get, path: orders, query: query, status: 200}
	}
	wrong := func(m string) queryCase {
		return queryCase{name: "wrong method " + m, method: m, path: orders, status: 405, problem: method}
	}
	return []queryCase{
		ok("no parameters", ""),
		ok("every parameter empty", "customerId=&storeId=&status=&from=&to=&limit="),
		ok("every parameter", "customerId=c&storeId=s&status=ready&from=2024-05-01T00:00:00Z&to=2024-05-02T00:00:00.5%2B02:00&limit=500"),
		ok("offset with an unescaped plus", "from=2024-05-01T12:00:00+02:00"),
		ok("cancelled", "status=cancelled"),
		ok("from equal to to", "from=2024-05-01T00:00:00Z&to=2024-05-01T00:00:00Z"),
		ok("earliest and latest times", "from=0000-01-01T00:00:00Z&to=9999-12-31T23:59:59.999999999Z"),
		ok("unicode id", "customerId=%E5%B1%B1%E7%94%B0-%F0%9F%9B%92"),
		ok("limit of one", "limit=1"),

		bad("unknown status", "status=shipped", "status"),
		bad("status in capitals", "status=PENDING", "status"),
		bad("status with the other spelling", "status=canceled", "status"),
		bad("from not a time", "from=yesterday", "from"),
		bad("from without a zone", "from=2024-05-01T12:00:00", "from"),
		bad("from as a unix time", "from=1714564800", "from"),
		bad("to as a date", "to=2024-05-01", "to"),
		bad("to in month 13", "to=2024-13-01T00:00:00Z", "to"),
		bad("to before from", "from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z", "to"),
		bad("limit zero", "limit=0", "limit"),
		bad("limit negative", "limit=-1", "limit"),
		bad("limit above the maximum", "limit=501", "limit"),
		bad("limit as a word", "limit=ten", "limit"),
		bad("limit with a fraction", "limit=1.5", "limit"),
		bad("limit beyond int64", "limit=99999999999999999999", "limit"),
		bad("unknown parameter", "customer=c", "customer"),
		bad("parameter in the wrong case", "CustomerId=c", "CustomerId"),
		bad("repeated parameter", "status=pending&status=ready", "status"),
		bad("repeated empty parameter", "limit=&limit=", "limit"),
		// The platform refuses NUL and invalid UTF-8 in any query before the
		// search sees it, with a problem naming no parameter.
		bad("customer id with a NUL", "customerId=a%00b"),
		bad("store id not UTF-8", "storeId=%ff%fe"),
		bad("customer id with a newline", "customerId=a%0Ab", "customerId"),
		bad("status with a tab", "status=pending%09", "status"),
		bad("store id too long", "storeId="+strings.Repeat("s", 201), "storeId"),
		bad("malformed escape", "customerId=%zz", "query"),
		bad("semicolon separator", "customerId=a;storeId=b", "query"),
		// Unreadable parameters are reported together, and then, once all
		// are readable, invalid values together.
		bad("several unreadable at once", "colour=red&from=soon&limit=ten&to=later", "colour", "from", "limit", "to"),
		bad("several invalid at once", "status=lost&limit=0&customerId=%01&from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z",
			"customerId", "status", "to", "limit"),

		wrong(http.MethodPost), wrong(http.MethodPut), wrong(http.MethodPatch), wrong(http.MethodDelete),
		{name: "unknown path below", method: get, path: orders + "/some-order", status: 404, problem: notFound},
		{name: "unknown path above", method: get, path: "/api/search", status: 404, problem: notFound},
	}
}

// sendQuery makes one raw request and checks that any failure is a problem
// document; it returns the status, the problem and the raw body.
func sendQuery(t *testing.T, ctx context.Context, baseURL string, tc queryCase) (int, httpx.Problem, string) {
	t.Helper()
	url := baseURL + tc.path
	if tc.query != "" {
		url += "?" + tc.query
	}
	var body io.Reader
	if tc.method != http.MethodGet {
		body = strings.NewReader(`{}`)
	}
	req, err := http.NewRequestWithContext(ctx, tc.method, url, body)
	require.NoError(t, err)
	return systest.Answer(t, req)
}
