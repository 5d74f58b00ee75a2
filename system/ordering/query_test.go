package ordering_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mallbots/mallbots/internal/systest"
)

// TestOrderQueryNamesTheCriterionToFix: a refused GET /api/orders names the
// parameter the client has to fix, the one it sent empty or unusable, never
// another one.
func TestOrderQueryNamesTheCriterionToFix(t *testing.T) {
	t.Parallel()
	m := startOrdering(t)
	ctx := testContext(t)
	for _, tc := range []struct {
		name, query string
		fields      []string
	}{
		{"empty customer", "customerId=", []string{"customerId"}},
		{"empty basket", "basketId=", []string{"basketId"}},
		{"both empty", "basketId=&customerId=", []string{"basketId", "customerId"}},
		{"empty customer with a basket", "basketId=b&customerId=", []string{"customerId"}},
		{"huge customer", "customerId=" + strings.Repeat("c", 200), []string{"customerId"}},
		{"no criteria", "", []string{"basketId"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			status, p, body := systest.Send(t, ctx, m.env.URL, systest.Bad(tc.name, http.MethodGet, "/api/orders?"+tc.query, "", "", 0))
			assert.Equal(t, http.StatusBadRequest, status, "body: %s", body)
			var named []string
			for _, f := range p.Errors {
				named = append(named, f.Field)
			}
			assert.Equal(t, tc.fields, named, "body: %s", body)
		})
	}
}
