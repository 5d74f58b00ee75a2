package payments_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/customers"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/payments"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// typeCustomersUnavailable is the problem of a customer payments does not
// know yet while customers cannot be asked.
const typeCustomersUnavailable = httpx.ProblemBase + "customers-unavailable"

// TestAPaymentIsForARegisteredCustomer: a payment for a customer customers
// never registered is not found (404, a problem naming the customer) and
// authorizes nothing; a customer registered a moment ago is served at once.
func TestAPaymentIsForARegisteredCustomer(t *testing.T) {
	t.Parallel()
	m := startPayments(t)
	ctx := testContext(t)
	authorized := systest.ReadWire(t, m.env.NATS.URL(), paymentsapi.Subject("PaymentAuthorized"))
	for _, id := range []string{msg.NewID(), "customer-1"} {
		_, err := m.c.AuthorizePayment(ctx, paymentsapi.AuthorizePayment{CustomerID: id, AmountCents: 100})
		assertNotFound(t, err, `customer "`+id+`" not found`)
	}

	p := m.authorize(t, ctx, m.customer(t, ctx), 100)
	first := systest.Payload[paymentsapi.PaymentAuthorized](t, authorized.Next(t))
	assert.Equal(t, p.ID, first.ID, "no payment was authorized for the unknown customers")
}

// TestACustomerMissingFromTheCacheIsAskedOfCustomers runs customers and
// payments in two hosts on two NATS servers, so no customers event reaches
// payments: a registered customer is found over customers' REST API, and
// the answer is cached.
func TestACustomerMissingFromTheCacheIsAskedOfCustomers(t *testing.T) {
	t.Parallel()
	a := systest.Start(t, []host.Module{customers.Module{}})
	m := startWith(t, []systest.Option{withCustomersAt(a.URL)}, payments.Module{})
	require.NotEqual(t, a.NATS.URL(), m.env.NATS.URL())
	m.c = client.New(map[string]string{customersapi.Context: a.URL, paymentsapi.Context: m.env.URL}, nil)
	ctx := testContext(t)

	p := m.authorize(t, ctx, m.customer(t, ctx), 100)
	db, err := pg.Connect(ctx, m.env.DSN, paymentsapi.Context)
	require.NoError(t, err)
	t.Cleanup(db.Close)
	var cached int
	require.NoError(t, db.QueryRow(ctx, `SELECT count(*) FROM customer_cache WHERE customer_id = $1`,
		p.CustomerID).Scan(&cached))
	assert.Equal(t, 1, cached, "customers' answer is cached")
	_, err = m.c.AuthorizePayment(ctx, paymentsapi.AuthorizePayment{CustomerID: msg.NewID(), AmountCents: 100})
	assertNotFound(t, err, "customer")
}

// TestACustomerKnownFromEventsNeedsNoCustomersAPI: with customers
// unreachable, a customer announced by customers' CustomerRegistered is
// served; one never announced cannot be checked, which is a 503 to retry,
// not a 404.
func TestACustomerKnownFromEventsNeedsNoCustomersAPI(t *testing.T) {
	t.Parallel()
	m := startWith(t, []systest.Option{withCustomersAt("http://127.0.0.1:1")}, payments.Module{})
	ctx := testContext(t)
	cu := customersapi.Customer{ID: msg.NewID(), Name: "Ada", SmsNumber: "+14155550123", Enabled: true}
	m.publish(t, ctx, customersapi.Subject("CustomerRegistered"), "CustomerRegistered",
		customersapi.CustomerRegistered{Customer: cu}, msg.WithAggregate(cu.ID, 1))
	require.EventuallyWithT(t, func(c *assert.CollectT) {
		_, err := m.c.AuthorizePayment(ctx, paymentsapi.AuthorizePayment{CustomerID: cu.ID, AmountCents: 100})
		assert.NoError(c, err)
	}, waitFor, pollEvery, "the announced customer is served")

	_, err := m.c.AuthorizePayment(ctx, paymentsapi.AuthorizePayment{CustomerID: msg.NewID(), AmountCents: 100})
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusServiceUnavailable, e.Status, e.Body)
	assert.Equal(t, typeCustomersUnavailable, e.Problem.Type)
}

// withCustomersAt points the customers peer at url.
func withCustomersAt(url string) systest.Option {
	return func(c *host.Config) { c.Peers = host.Peers{customersapi.Context: url} }
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
