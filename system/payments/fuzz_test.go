package payments_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
)

// FuzzAuthorizePaymentRequest posts arbitrary bodies to POST /api/payments
// of a real host: whatever arrives, the answer is a 201 with an authorized
// payment of a positive amount, or a 4xx problem, never a 5xx. The seeds run
// in every go test; go test -fuzz=FuzzAuthorizePaymentRequest explores further.
func FuzzAuthorizePaymentRequest(f *testing.F) {
	m := startPayments(f)
	url := m.env.URL + "/api/payments"
	customer := m.customer(f, testContext(f))
	systest.AddBodySeeds(f,
		`{"customerId":"`+customer+`","amountCents":3399}`,
		`{"customerId":"`+customer+`","amountCents":9223372036854775807}`,
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
		`{"customerId":"`+strings.Repeat("c", 200)+`","amountCents":100}`,
		`{"customerId":`,
	)
	f.Fuzz(func(t *testing.T, body []byte) {
		data, ok := systest.PostWithin(t, waitFor, url, body, http.StatusCreated)
		if !ok {
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
