package ordering_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

// FuzzCancelOrderRequest posts arbitrary bodies to the cancel endpoint of a
// real host. The first acceptable body cancels the order; from then on the
// answer to a well-formed body is 409. Whatever arrives, the answer is a 200
// with the cancelled order, a 409, or a 4xx problem, never a 5xx. The seeds
// run in every go test; go test -fuzz=FuzzCancelOrderRequest explores further.
func FuzzCancelOrderRequest(f *testing.F) {
	m := startOrdering(f)
	ctx := testContext(f)
	o := m.orderIn(f, ctx, orderingapi.StatusApproved)
	url := m.env.URL + "/api/orders/" + o.ID + "/cancel"
	for _, seed := range []string{
		`{"reason":"changed my mind"}`,
		`{}`,
		`{"reason":""}`,
		`{"reason":"trop cher 💸 – 山田"}`,
		`{"reason":"changed my mind"}{"reason":"again"}`,
		`{"reason":`,
		`{"reason":5}`,
		`{"reason":null}`,
		`{"reason":"x","refund":true}`,
		`{"reason":"A\u0000B"}`,
		`{"reason":"\ud800"}`,
		"{\"reason\":\"\xff\xfe\"}",
		`{"reason":"` + strings.Repeat("ü", 501) + `"}`,
		strings.Repeat("[", 20000),
		`null`, `[]`, `""`, `0`, ``, " \t\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		// Each input gets its own deadline: a fuzzing run outlives any
		// deadline shared across inputs.
		ctx, cancel := context.WithTimeout(context.Background(), waitFor)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		data, err := io.ReadAll(resp.Body)
		require.NoError(t, err)

		require.Less(t, resp.StatusCode, 500, "body %q answered %s", body, data)
		if resp.StatusCode != http.StatusOK {
			assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
			var p httpx.Problem
			require.NoError(t, json.Unmarshal(data, &p))
			assert.True(t, strings.HasPrefix(p.Type, httpx.ProblemBase), "problem type %q", p.Type)
			return
		}
		var got orderingapi.Order
		require.NoError(t, json.Unmarshal(data, &got))
		assert.Equal(t, o.ID, got.ID)
		assert.Equal(t, orderingapi.StatusCanceled, got.Status)
	})
}
