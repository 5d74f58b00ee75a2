package notifications_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzNotificationsQuery sends arbitrary query strings to the one endpoint
// of notifications, which takes no body: whatever arrives, the answer is
// never a server failure. The seeds run in every go test;
// go test -fuzz=FuzzNotificationsQuery explores further.
func FuzzNotificationsQuery(f *testing.F) {
	w := start(f, fastRetries)
	for _, seed := range []string{
		"customerId=c", "orderId=o", "customerId=c&orderId=o", "", "customerId=", "orderId=%00",
		"customerId=%ff", "customerId=a&customerId=b", "status=sent", "orderId=%zz", "a;b",
		"customerId=商品-🛒", "orderId=../../x", "customerId=" + strings.Repeat("x", 300),
	} {
		f.Add(seed)
	}
	url := w.env.URL + "/api/notifications?"
	f.Fuzz(func(t *testing.T, rawQuery string) {
		if strings.ContainsFunc(rawQuery, func(r rune) bool { return r <= ' ' || r == 0x7f || r == '#' }) {
			// net/http refuses such a request line before any handler runs.
			t.Skip("not a request target an HTTP/1.1 client can send")
		}
		// Each input gets its own deadline: a fuzzing run outlives any
		// deadline shared across inputs.
		ctx, cancel := context.WithTimeout(context.Background(), deadline)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url+rawQuery, nil)
		if err != nil {
			t.Skip("not a URL a client can send")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Skip("not a request a client can send")
		}
		defer resp.Body.Close()
		require.Less(t, resp.StatusCode, 500, "query %q", rawQuery)
		if resp.StatusCode >= 400 {
			require.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
		}
	})
}
