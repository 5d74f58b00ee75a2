package ordering_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
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
	systest.AddBodySeeds(f,
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
		`{"reason":"`+strings.Repeat("ü", 501)+`"}`,
	)
	f.Fuzz(func(t *testing.T, body []byte) {
		data, ok := systest.PostWithin(t, waitFor, url, body, http.StatusOK)
		if !ok {
			return
		}
		var got orderingapi.Order
		require.NoError(t, json.Unmarshal(data, &got))
		assert.Equal(t, o.ID, got.ID)
		assert.Equal(t, orderingapi.StatusCanceled, got.Status)
	})
}
