//go:build pact

package consumer

import (
	"context"
	"io/fs"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pact-foundation/pact-go/v2/matchers"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	basketsconsumers "github.com/mallbots/mallbots/system/baskets/adapters/consumers"
	basketsmigrations "github.com/mallbots/mallbots/system/baskets/migrations"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	notificationsconsumers "github.com/mallbots/mallbots/system/notifications/adapters/consumers"
	notificationspg "github.com/mallbots/mallbots/system/notifications/adapters/postgres"
	"github.com/mallbots/mallbots/system/notifications/adapters/provider"
	notificationsapp "github.com/mallbots/mallbots/system/notifications/app"
	notificationsmigrations "github.com/mallbots/mallbots/system/notifications/migrations"
	paymentsconsumers "github.com/mallbots/mallbots/system/payments/adapters/consumers"
	paymentsmigrations "github.com/mallbots/mallbots/system/payments/migrations"
	"github.com/mallbots/mallbots/system/platform/inbox"
)

// notificationsRouter is the customers router notifications' module.go
// mounts; the SMS provider is never called on this path.
func notificationsRouter(pool *pgxpool.Pool) *inbox.Router {
	a := notificationsapp.New(notificationspg.NewCustomers(), notificationspg.NewSMSStore(pool),
		provider.New("http://127.0.0.1:1", 0), notificationsapp.Config{})
	return notificationsconsumers.Customers(a)
}

// TestNotificationsCachesCustomers: notifications keeps each customer's
// name, SMS number and enablement from customers' events.
func TestNotificationsCachesCustomers(t *testing.T) {
	for _, ev := range []struct{ name, state string }{
		{customersapi.CustomerRegistered{}.EventName(), ""},
		{customersapi.CustomerSmsNumberChanged{}.EventName(), StateCustomer},
		{customersapi.CustomerEnabled{}.EventName(), StateCustomer},
		{customersapi.CustomerDisabled{}.EventName(), StateCustomer},
	} {
		t.Run(ev.name, func(t *testing.T) {
			edge{consumer: "notifications", provider: "customers", name: ev.name, subject: customersapi.Subject(ev.name),
				state: ev.state, aggregateID: pactkit.ExampleID,
				payload: map[string]any{
					"customerId": pactkit.ID(pactkit.ExampleID),
					"name":       matchers.Like("Ada"),
					"smsNumber":  matchers.Regex("+14155550123", `^\+[1-9][0-9]{6,14}$`),
					"enabled":    matchers.Like(true),
				},
				context: "notifications", migrations: notificationsmigrations.FS, router: notificationsRouter,
				effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
					cached(t, ctx, pool, `SELECT name || ' ' || sms_number FROM customer_cache WHERE customer_id = $1`,
						pactkit.ExampleID, "Ada +14155550123")
				},
			}.verify(t)
		})
	}
}

// TestContextsCacheRegisteredCustomers: baskets and payments record each
// customer customers registers, so that a basket or a payment for it is
// served without asking customers.
func TestContextsCacheRegisteredCustomers(t *testing.T) {
	name := customersapi.CustomerRegistered{}.EventName()
	for _, c := range []struct {
		consumer   string
		migrations fs.FS
		router     func(pool *pgxpool.Pool) *inbox.Router
	}{
		{"baskets", basketsmigrations.FS, func(pool *pgxpool.Pool) *inbox.Router {
			return basketsconsumers.Customers(basketsApp(pool))
		}},
		{"payments", paymentsmigrations.FS, func(pool *pgxpool.Pool) *inbox.Router {
			return paymentsconsumers.Customers(paymentsApp(pool))
		}},
	} {
		t.Run(c.consumer, func(t *testing.T) {
			edge{consumer: c.consumer, provider: customersapi.Context, name: name, subject: customersapi.Subject(name),
				aggregateID: pactkit.ExampleID, payload: map[string]any{"customerId": pactkit.ID(pactkit.ExampleID)},
				context: c.consumer, migrations: c.migrations, router: c.router,
				effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
					cached(t, ctx, pool, `SELECT customer_id FROM customer_cache WHERE customer_id = $1`,
						pactkit.ExampleID, pactkit.ExampleID)
				},
			}.verify(t)
		})
	}
}
