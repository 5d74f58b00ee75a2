package baskets_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// typeCustomersUnavailable is the problem of a customer baskets does not
// know yet while customers cannot be asked.
const typeCustomersUnavailable = httpx.ProblemBase + "customers-unavailable"

// TestABasketIsForARegisteredCustomer: a basket for a customer customers
// never registered is not found (404, a problem naming the customer) and
// starts nothing; a customer registered a moment ago starts one at once.
func TestABasketIsForARegisteredCustomer(t *testing.T) {
	t.Parallel()
	env, c := startMall(t)
	ctx := testContext(t)
	started := systest.ReadWire(t, env.NATS.URL(), basketsapi.Subject("BasketStarted"))
	for _, id := range []string{msg.NewID(), "customer-1"} {
		_, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: id})
		assertNotFound(t, err, `customer "`+id+`" not found`)
	}

	customer := register(t, ctx, c)
	b, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: customer})
	require.NoError(t, err, "a customer registered a moment ago is known")
	assert.Equal(t, customer, b.CustomerID)
	first := systest.Payload[basketsapi.BasketStarted](t, started.Next(t))
	assert.Equal(t, b.ID, first.ID, "no basket was started for the unknown customers")
}

// TestACustomerMissingFromTheCacheIsAskedOfCustomers: with no customers
// event reaching baskets, a registered customer is found over customers'
// REST API, and the answer is cached.
func TestACustomerMissingFromTheCacheIsAskedOfCustomers(t *testing.T) {
	t.Parallel()
	_, b, c := startApart(t)
	ctx := testContext(t)
	customer := register(t, ctx, c)

	_, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: customer})
	require.NoError(t, err)
	var cached int
	require.NoError(t, basketsDB(t, ctx, b).QueryRow(ctx, `SELECT count(*) FROM customer_cache WHERE customer_id = $1`,
		customer).Scan(&cached))
	assert.Equal(t, 1, cached, "customers' answer is cached")
	_, err = c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: msg.NewID()})
	assertNotFound(t, err, "customer")
}

// TestACustomerKnownFromEventsNeedsNoCustomersAPI: with customers
// unreachable, a customer announced by customers' CustomerRegistered starts
// a basket; one never announced cannot be checked, which is a 503 to retry,
// not a 404.
func TestACustomerKnownFromEventsNeedsNoCustomersAPI(t *testing.T) {
	t.Parallel()
	env, c := startBasketsAlone(t)
	ctx := testContext(t)
	customer := announceCustomer(t, ctx, connectBus(t, ctx, env))
	assert.Equal(t, customer, startBasket(t, ctx, c, customer).CustomerID)

	_, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: msg.NewID()})
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusServiceUnavailable, e.Status, e.Body)
	assert.Equal(t, typeCustomersUnavailable, e.Problem.Type)
}

// assertNotFound checks that err is a 404 not-found problem whose detail
// holds detail.
func assertNotFound(t *testing.T, err error, detail string) {
	t.Helper()
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusNotFound, e.Status, e.Body)
	assert.Equal(t, httpx.TypeNotFound, e.Problem.Type)
	assert.Contains(t, e.Problem.Detail, detail)
}
