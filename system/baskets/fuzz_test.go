package baskets_test

import (
	"bytes"
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
)

// FuzzAddItemRequest sends arbitrary bodies to the add-item endpoint of one
// basket: whatever arrives, the answer is never a server failure. The seeds
// run in every go test; go test -fuzz=FuzzAddItemRequest explores further.
func FuzzAddItemRequest(f *testing.F) {
	env, c := startMall(f)
	ctx := testContext(f)
	_, product := seedProduct(f, ctx, c, "Fuzz", "Widget", 100)
	b, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: register(f, ctx, c)})
	require.NoError(f, err)
	url := env.URL + "/api/baskets/" + b.ID + "/items"

	for _, seed := range []string{
		`{"productId": "` + product.ID + `", "quantity": 1}`,
		`{"productId": "` + product.ID + `", "quantity": 10000}`,
		`{"productId": "` + product.ID + `"`,
		`{"productId": "` + product.ID + `", "quantity": "two"}`,
		`{"productId": ["x"], "quantity": {}}`,
		`{"productId": "p", "quantity": -1}`,
		`{"productId": "p", "quantity": 9223372036854775807}`,
		`{"productId": "p", "quantity": 1e400}`,
		`{"productId": "` + product.ID + `", "quantity": 1, "quantity": 2}`,
		`{"productId": "商品-🛒-ünïcödé", "quantity": 1}`,
		`{"productId": "\u0000\u001f", "quantity": 1}`,
		"{\"productId\": \"\xff\xfe\", \"quantity\": 1}",
		`{"productId": "../../stores", "quantity": 1}`,
		`null`, `[]`, `""`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		// Each input gets its own deadline: a fuzzing run outlives any
		// deadline shared across inputs.
		ctx, cancel := context.WithTimeout(context.Background(), deadline)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		require.Less(t, resp.StatusCode, 500, "body %q", body)
		if resp.StatusCode >= 400 {
			require.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
		}
	})
}
