package notifications_test

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/notifications"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

// TestTwoSendersNeverSendOneSMSTwice runs two notifications processes on
// one database and one broker, as two replicas would: both consume the
// order events and both senders claim SMS, with a slow provider so that
// their claims overlap. Each SMS still reaches the provider once.
func TestTwoSendersNeverSendOneSMSTwice(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	sms := httptest.NewServer(smsprovider.New().Handler())
	t.Cleanup(sms.Close)
	nats, dsn := systest.NATS(t), systest.Database(t)
	a := runHost(t, ctx, nats.URL(), dsn, sms.URL)
	runHost(t, ctx, nats.URL(), dsn, sms.URL)
	b, err := bus.Connect(ctx, nats.URL(), "notifications-test")
	require.NoError(t, err)
	t.Cleanup(b.Close)
	w := &world{c: client.New(map[string]string{notificationsapi.Context: a.url,
		notificationsapi.SMSProviderPeer: sms.URL}, nil), bus: b, ctx: ctx}
	w.fault(t, smsprovider.Fault{Mode: smsprovider.ModeSlow, DelayMs: 30})

	ada := customersapi.Customer{ID: msg.NewID(), Name: "Ada", SmsNumber: "+14155550501", Enabled: true}
	w.customer(t, 1, customersapi.CustomerRegistered{Customer: ada})
	var keys []string
	for range 12 {
		o := newOrder(ada)
		w.order(t, 1, orderingapi.OrderCreated{Order: o})
		keys = append(keys, notificationsapi.IdempotencyKey(o.ID, notificationsapi.KindOrderCreated))
	}
	w.exactlyOneSMS(t, keys...)
	got, err := w.c.SMSMessages(ctx, client.SMSFilter{})
	require.NoError(t, err)
	assert.Len(t, got, len(keys))
}

// TestARequestWakesTheSender checks that a new SMS goes out at once rather
// than at the sender's next fallback poll.
func TestARequestWakesTheSender(t *testing.T) {
	t.Parallel()
	w := start(t, fastRetries)
	ada := w.register(t, "Ada", "+14155550502")
	w.barrier(t) // the customer is cached and the sender has been idle since
	o := newOrder(ada)
	published := time.Now()
	w.order(t, 1, orderingapi.OrderCreated{Order: o})
	got := w.exactlyOneSMS(t, notificationsapi.IdempotencyKey(o.ID, notificationsapi.KindOrderCreated))
	for _, m := range got {
		assert.Less(t, m.ReceivedAt.Sub(published), notifications.SenderPoll/2,
			"woken by the request's notification, not by the %s poll", notifications.SenderPoll)
	}
}
