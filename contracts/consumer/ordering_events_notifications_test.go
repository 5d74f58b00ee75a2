//go:build pact

package consumer

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	notificationsconsumers "github.com/mallbots/mallbots/system/notifications/adapters/consumers"
	notificationspg "github.com/mallbots/mallbots/system/notifications/adapters/postgres"
	"github.com/mallbots/mallbots/system/notifications/adapters/provider"
	notificationsapp "github.com/mallbots/mallbots/system/notifications/app"
	"github.com/mallbots/mallbots/system/notifications/domain"
	notificationsmigrations "github.com/mallbots/mallbots/system/notifications/migrations"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

// notificationsApp is the application service notifications' module.go
// builds, its provider client on the SMS provider's stand-in at smsURL.
func notificationsApp(pool *pgxpool.Pool, smsURL string) *notificationsapp.App {
	return notificationsapp.New(notificationspg.NewCustomers(), notificationspg.NewSMSStore(pool),
		provider.New(smsURL, 5*time.Second), notificationsapp.Config{})
}

// TestOrderingEventsToNotifications: each order event a customer hears
// about requests the SMS of its kind for the order's customer (their
// name and number from notifications' cache), which the sender then hands
// to the SMS provider. Notifications reads only the order's and the
// customer's ids.
func TestOrderingEventsToNotifications(t *testing.T) {
	sms := httptest.NewServer(smsprovider.New().Handler())
	t.Cleanup(sms.Close)
	for _, ev := range []struct{ name, kind string }{
		{orderingapi.OrderCreated{}.EventName(), notificationsapi.KindOrderCreated},
		{orderingapi.OrderReadied{}.EventName(), notificationsapi.KindOrderReady},
		{orderingapi.OrderCanceled{}.EventName(), notificationsapi.KindOrderCanceled},
		{orderingapi.OrderCompleted{}.EventName(), notificationsapi.KindOrderCompleted},
	} {
		t.Run(ev.name, func(t *testing.T) {
			orderingEdge{consumer: "notifications", name: ev.name,
				payload: map[string]any{
					"orderId":    pactkit.ID(pactkit.ExampleID),
					"customerId": pactkit.ID(orderCustomerID),
				},
				context: "notifications", migrations: notificationsmigrations.FS,
				router: func(pool *pgxpool.Pool) *inbox.Router {
					return notificationsconsumers.Ordering(notificationsApp(pool, sms.URL))
				},
				before: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool, _ func(msg.Envelope)) {
					cacheOrderCustomer(t, ctx, notificationsApp(pool, sms.URL), pool)
				},
				effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
					smsSent(t, ctx, pool, sms.URL, ev.kind)
				},
			}.verify(t)
		})
	}
}

// cacheOrderCustomer puts the examples' customer in notifications' cache
// (as customers' CustomerRegistered would): an order event of a customer
// unknown there is retried, not texted.
func cacheOrderCustomer(t *testing.T, ctx context.Context, a *notificationsapp.App, pool *pgxpool.Pool) {
	t.Helper()
	require.NoError(t, pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		return a.CacheCustomer(ctx, tx, customersapi.Customer{ID: orderCustomerID, Name: "Ada",
			SmsNumber: "+14155550123", Enabled: true}, 1)
	}))
}

// smsSent asserts that the order's SMS of kind was requested for the
// customer, then has the sender send it and asks the provider for it.
func smsSent(t *testing.T, ctx context.Context, pool *pgxpool.Pool, smsURL, kind string) {
	t.Helper()
	a := notificationsApp(pool, smsURL)
	key := notificationsapi.IdempotencyKey(pactkit.ExampleID, kind)
	n := theSMS(t, ctx, a)
	require.Equal(t, []string{key, orderCustomerID, pactkit.ExampleID, kind, "+14155550123", notificationsapi.StatusPending},
		[]string{n.IdempotencyKey, n.CustomerID, n.OrderID, n.Kind, n.To, n.Status})
	require.Contains(t, n.Body, "Hi Ada")
	require.Contains(t, n.Body, domain.ShortOrderID(pactkit.ExampleID))
	require.NoError(t, a.SendDue(ctx))
	n = theSMS(t, ctx, a)
	require.Equal(t, notificationsapi.StatusSent, n.Status, "the sender did not send it: %s", n.LastError)
	id, found, err := provider.New(smsURL, 5*time.Second).Find(ctx, key)
	require.NoError(t, err)
	require.True(t, found, "the provider has no SMS under %s", key)
	require.Equal(t, id, n.ProviderMessageID)
}

// theSMS returns the one SMS about the examples' order.
func theSMS(t *testing.T, ctx context.Context, a *notificationsapp.App) notificationsapi.Notification {
	t.Helper()
	list, err := a.Notifications(ctx, "", pactkit.ExampleID)
	require.NoError(t, err)
	require.Len(t, list.Notifications, 1, "no SMS was requested for the order")
	return list.Notifications[0]
}
