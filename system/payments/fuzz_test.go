package payments_test

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

	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

// FuzzAuthorizePaymentRequest posts arbitrary bodies to POST /api/payments
// of a real host: whatever arrives, the answer is a 201 with an authorized
// payment of a positive amount, or a 4xx problem, never a 5xx. The seeds run
// in every go test; go test -fuzz=FuzzAuthorizePaymentRequest explores further.
func FuzzAuthorizePaymentRequest(f *testing.F) {
	m := startPayments(f)
	url := m.env.URL + "/api/payments"
	for _, seed := range []string{
		`{"customerId":"customer-1","amountCents":3399}`,
		`{"customerId":"顧客-🙂","amountCents":1}`,
		`{"customerId":"customer-1","amountCents":9223372036854775807}`,
		`{"customerId":"customer-1","amountCents":9223372036854775808}`,
		`{"customerId":"customer-1","amountCents":0}`,
		`{"customerId":"customer-1","amountCents":-1}`,
		`{"customerId":"customer-1","amountCents":1.5}`,
		`{"customerId":"customer-1","amountCents":1e2}`,
		`{"customerId":"customer-1","amountCents":"100"}`,
		`{"customerId":"customer-1","amountCents":100,"amountCents":-100}`,
		`{"customerId":"customer-1","amountCents":100}{"customerId":"x"}`,
		`{"customerId":"A\u0000B","amountCents":100}`,
		"{\"customerId\":\"\xff\xfe\",\"amountCents\":100}",
		`{"customerId":"` + strings.Repeat("c", 200) + `","amountCents":100}`,
		`{"customerId":`,
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
		if resp.StatusCode != http.StatusCreated {
			assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
			var p httpx.Problem
			require.NoError(t, json.Unmarshal(data, &p))
			assert.True(t, strings.HasPrefix(p.Type, httpx.ProblemBase), "problem type %q", p.Type)
			return
		}
		var p paymentsapi.Payment
		require.NoError(t, json.Unmarshal(data, &p))
		assert.NotEmpty(t, p.ID)
		assert.NotEmpty(t, p.CustomerID)
		assert.Positive(t, p.AmountCents)
		assert.Equal(t, paymentsapi.PaymentStatusAuthorized, p.Status)
	})
}
