package search_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/search/searchapi"
)

// FuzzSearchQuery sends arbitrary raw query strings to the order search of
// a host holding one order: whatever arrives, the answer is an order list or
// a 4xx problem, never a server failure. The seeds run in every go test;
// go test -fuzz=FuzzSearchQuery explores further.
func FuzzSearchQuery(f *testing.F) {
	env, c := startSearch(f)
	ctx := testContext(f)
	m := newMall(f, ctx, env)
	o := newOrder("fuzz-customer", orderingapi.Item{ProductID: "p", ProductName: "Widget", StoreID: "fuzz-store",
		StoreName: "Fuzz", PriceCents: 100, Quantity: 1})
	m.order(1, orderingapi.OrderCreated{Order: o})
	eventuallyOrder(f, ctx, c, searchapi.OrderQuery{CustomerID: o.CustomerID}, o.ID, func(*assert.CollectT, searchapi.Order) {})

	for _, seed := range []string{
		"", "customerId=fuzz-customer", "storeId=fuzz-store&status=pending&limit=1",
		"customerId=c&storeId=s&status=ready&from=2024-05-01T00:00:00Z&to=2024-05-02T00:00:00%2B02:00&limit=500",
		"from=2024-05-01T12:00:00+02:00", "from=0000-01-01T00:00:00%2B23:59", "to=9999-12-31T23:59:59.999999999-23:59",
		"status=shipped", "status=", "limit=0", "limit=-1", "limit=501", "limit=99999999999999999999", "limit=0x10",
		"from=yesterday", "to=2024-13-01T00:00:00Z", "from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z",
		"customerId=%00", "storeId=%ff%fe", "customerId=%zz", "customerId=a;storeId=b", "%", "=", "&&&", "==&=",
		"status=pending&status=ready", "x=1", "customerId=" + strings.Repeat("ü", 300),
		"customerId=%E5%B1%B1%E7%94%B0", "customerId=' OR 1=1 --", "storeId=%27%3B DROP TABLE orders%3B--",
		"limit=%2B5", "from=2024-05-01T12:00:00.123456789Z", "from=2024-05-01t12:00:00z",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		// Each input gets its own deadline: a fuzzing run outlives any
		// deadline shared across inputs.
		ctx, cancel := context.WithTimeout(context.Background(), deadline)
		defer cancel()
		status, contentType, body := getRawQuery(t, ctx, env.URL+searchapi.OrdersPath, raw)
		require.Less(t, status, 500, "query %q answered %s", raw, body)
		if status != http.StatusOK {
			require.Equal(t, "application/problem+json", contentType, "query %q answered %s", raw, body)
			var p httpx.Problem
			require.NoError(t, json.Unmarshal(body, &p))
			require.True(t, strings.HasPrefix(p.Type, httpx.ProblemBase), "problem type %q", p.Type)
			return
		}
		var list searchapi.OrderList
		require.NoError(t, json.Unmarshal(body, &list), "query %q answered %s", raw, body)
		require.NotNil(t, list.Orders)
		require.LessOrEqual(t, len(list.Orders), searchapi.MaxLimit)
	})
}

// getRawQuery sends raw as the query of a GET as it stands, except for the
// bytes that cannot travel in a request line, which are percent-encoded.
func getRawQuery(t *testing.T, ctx context.Context, target, raw string) (int, string, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	require.NoError(t, err)
	req.URL.RawQuery = wireSafe(raw)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header.Get("Content-Type"), body
}

func wireSafe(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		if c := raw[i]; c <= ' ' || c >= 0x7f || c == '#' {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(raw[i])
	}
	return b.String()
}
