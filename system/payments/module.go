// Package payments is the payments bounded context: payments a customer
// registered with customers authorizes (known from customers' events, or
// asked of customers over REST on a cache miss), which the create-order saga
// confirms (checking customer and amount) and which are released when their
// order is rejected or cancelled; and the invoice of each ready order, paid
// over REST (which completes the order) or cancelled with the order.
// Payments and invoices are stored as state; each change publishes its full
// state through the outbox.
package payments

import (
	"context"
	"errors"
	"io/fs"
	"net/http"
	"time"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/customers/customerslookup"
	"github.com/mallbots/mallbots/system/payments/adapters/commands"
	"github.com/mallbots/mallbots/system/payments/adapters/consumers"
	"github.com/mallbots/mallbots/system/payments/adapters/postgres"
	"github.com/mallbots/mallbots/system/payments/adapters/rest"
	"github.com/mallbots/mallbots/system/payments/app"
	"github.com/mallbots/mallbots/system/payments/migrations"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/host"
)

// Module is the payments context.
type Module struct{}

// Name returns "payments".
func (Module) Name() string { return paymentsapi.Context }

// Migrations returns the payments tables.
func (Module) Migrations() fs.FS { return migrations.FS }

// CustomersTimeout bounds one call to customers on a cache miss, so that a
// slow customers delays an authorization instead of hanging it.
const CustomersTimeout = 5 * time.Second

// Mount registers the REST API, the consumers of ordering's and customers'
// events and the commands consumer.
func (Module) Mount(_ context.Context, m *host.Mount) error {
	url := m.Peers.URL(customersapi.Context)
	if url == "" {
		return errors.New("the customers peer URL is required for cache misses (--peers customers=http://...)")
	}
	api := client.New(map[string]string{customersapi.Context: url}, &http.Client{Timeout: CustomersTimeout})
	customers := app.Customers{Cache: postgres.NewCustomers(m.Pool), API: customerslookup.New(api)}
	a := app.New(m.Pool, postgres.NewPayments(m.Pool), postgres.NewInvoices(m.Pool), customers, m.Log)
	rest.Register(m.Mux, a)
	m.Consume(consumers.Ordering(a))
	m.Consume(consumers.Customers(a))
	m.Consume(commands.Router(a))
	return nil
}
