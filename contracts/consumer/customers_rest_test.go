//go:build pact

package consumer

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/pact-foundation/pact-go/v2/consumer"
	"github.com/pact-foundation/pact-go/v2/models"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/customers/customerslookup"
)

// customerAskers are the contexts that ask customers on a cache miss, each
// through customerslookup (its own pact).
var customerAskers = []struct{ consumer string }{{"baskets"}, {"payments"}}

// customersClient is the typed client with customers' base URL at the
// mock server.
func customersClient(cfg consumer.MockServerConfig) *client.Client {
	return client.New(map[string]string{customersapi.Context: fmt.Sprintf("http://%s:%d", cfg.Host, cfg.Port)},
		&http.Client{Timeout: 5 * time.Second})
}

// TestContextsAskCustomersForACustomer: on a cache miss baskets and
// payments read the customer through customerslookup (the
// typed client); they need only the answer's status: 200, it exists.
func TestContextsAskCustomersForACustomer(t *testing.T) {
	for _, a := range customerAskers {
		t.Run(a.consumer, func(t *testing.T) {
			err := httpPact(t, a.consumer, customersapi.Context).AddInteraction().
				GivenWithParameter(models.ProviderState{Name: StateCustomer}).
				UponReceiving("a request for a customer").
				WithRequestPathMatcher(http.MethodGet, byStateID("/api/customers/", "customerId", pactkit.ExampleID)).
				WillRespondWith(http.StatusOK, jsonAnswer(map[string]any{"customerId": pactkit.ID(pactkit.ExampleID)})).
				ExecuteTest(t, func(cfg consumer.MockServerConfig) error {
					exists, err := customerslookup.New(customersClient(cfg)).Exists(ctx(t), pactkit.ExampleID)
					require.NoError(t, err)
					assert.True(t, exists)
					return err
				})
			require.NoError(t, err)
		})
	}
}

// TestContextsAskCustomersForAMissingCustomer: a 404 is an answer, the
// customer does not exist, not a failure.
func TestContextsAskCustomersForAMissingCustomer(t *testing.T) {
	for _, a := range customerAskers {
		t.Run(a.consumer, func(t *testing.T) {
			err := httpPact(t, a.consumer, customersapi.Context).AddInteraction().
				Given(StateNothingExists).
				UponReceiving("a request for a customer who was never registered").
				WithRequest(http.MethodGet, "/api/customers/"+missingID).
				WillRespondWith(http.StatusNotFound, problemAnswer).
				ExecuteTest(t, func(cfg consumer.MockServerConfig) error {
					exists, err := customerslookup.New(customersClient(cfg)).Exists(ctx(t), missingID)
					require.NoError(t, err, "404 is an answer: not found")
					assert.False(t, exists)
					return err
				})
			require.NoError(t, err)
		})
	}
}
