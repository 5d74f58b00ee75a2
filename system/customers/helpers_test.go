package customers_test

import (
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/customers"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/host"
)

// waitFor bounds every wait for a message. The relay wakes on commit, so a
// healthy run sees messages within milliseconds; the bound only turns a lost
// message into a failure instead of a hang.
const waitFor = 15 * time.Second

func TestMain(m *testing.M) { os.Exit(systest.Main(m)) }

// startCustomers runs the customers context on fresh infrastructure.
func startCustomers(t testing.TB) (*systest.Env, *client.Client) {
	t.Helper()
	env := systest.Start(t, []host.Module{customers.Module{}})
	return env, client.Single(env.URL, []string{customersapi.Context})
}

// register registers a customer and fails the test on error.
func register(t *testing.T, c *client.Client, name, number string) customersapi.Customer {
	t.Helper()
	cu, err := c.RegisterCustomer(t.Context(), customersapi.RegisterCustomer{Name: name, SmsNumber: number})
	require.NoError(t, err)
	return cu
}
