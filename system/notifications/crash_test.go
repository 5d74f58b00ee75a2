package notifications_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

// TestASendCutShortByAStopIsNotRepeated stops notifications in the middle
// of a send, when the attempt is on record but its outcome is not, and
// lets the provider have the message meanwhile. The next run asks the
// provider, finds the message and records it as sent: one SMS in all.
func TestASendCutShortByAStopIsNotRepeated(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	sms := httptest.NewServer(smsprovider.New().Handler())
	t.Cleanup(sms.Close)
	nats, dsn := systest.NATS(t), systest.Database(t)
	c := client.New(map[string]string{notificationsapi.SMSProviderPeer: sms.URL}, nil)
	// The first send hangs until the stop: the sender is caught mid-send.
	_, err := c.SetSMSFault(ctx, smsprovider.Fault{Mode: smsprovider.ModeSlow, Count: 1, DelayMs: 60_000})
	require.NoError(t, err)

	first := runHost(t, ctx, nats.URL(), dsn, sms.URL)
	c = client.New(map[string]string{notificationsapi.Context: first.url, notificationsapi.SMSProviderPeer: sms.URL}, nil)
	b, err := bus.Connect(ctx, nats.URL(), "notifications-test")
	require.NoError(t, err)
	t.Cleanup(b.Close)
	ada := customersapi.Customer{ID: msg.NewID(), Name: "Ada", SmsNumber: "+14155550401", Enabled: true}
	w := &world{c: c, bus: b, ctx: ctx}
	w.customer(t, 1, customersapi.CustomerRegistered{Customer: ada})
	o := newOrder(ada)
	w.order(t, 1, orderingapi.OrderCreated{Order: o})
	w.notification(t, o.ID, notificationsapi.KindOrderCreated, func(ct *assert.CollectT, n notificationsapi.Notification) {
		assert.Equal(ct, 1, n.Attempts, "the attempt is on record")
		assert.Empty(ct, n.LastError, "while the send still hangs, without an outcome")
	})
	// The attempt is recorded before the request leaves: the stop waits
	// until the provider holds it (the slow fault is taken), or the fault
	// would hang the test's own send below instead.
	require.EventuallyWithT(t, func(ct *assert.CollectT) {
		st, err := c.SMSFault(ctx)
		if assert.NoError(ct, err) {
			assert.Equal(ct, smsprovider.ModeNone, st.Mode, "the provider holds the hanging send")
		}
	}, 10*time.Second, 20*time.Millisecond)
	first.stop(t)

	key := notificationsapi.IdempotencyKey(o.ID, notificationsapi.KindOrderCreated)
	// The provider got the message after all, as far as anyone can tell.
	_, err = c.SendSMS(ctx, key, smsprovider.SendMessageRequest{To: ada.SmsNumber, Body: "Hi Ada"})
	require.NoError(t, err)

	second := runHost(t, ctx, nats.URL(), dsn, sms.URL)
	w.c = client.New(map[string]string{notificationsapi.Context: second.url, notificationsapi.SMSProviderPeer: sms.URL}, nil)
	w.exactlyOneSMS(t, key)
	n := w.notification(t, o.ID, notificationsapi.KindOrderCreated, sent)
	assert.Equal(t, 1, n.Attempts, "nothing was sent again")
}

type running struct {
	url    string
	cancel context.CancelFunc
	done   chan error
}

// runHost runs notifications on the given infrastructure until stop.
func runHost(t *testing.T, ctx context.Context, natsURL, dsn, smsURL string) *running {
	t.Helper()
	hctx, cancel := context.WithCancel(ctx)
	cfg := host.Config{NatsURL: natsURL, PostgresDSN: dsn, HTTPAddr: "127.0.0.1:0", Logger: systest.Logger(),
		MaxDeliver: 3, OutboxPoll: 500 * time.Millisecond, ShutdownGrace: time.Second,
		Peers: host.Peers{notificationsapi.SMSProviderPeer: smsURL}}
	mod := fastRetries
	mod.SendTimeout = time.Minute // the hanging send ends with the stop, not a timeout
	h, err := host.New(hctx, cfg, mod)
	if err != nil {
		cancel()
		require.NoError(t, err, "start host")
	}
	r := &running{url: h.URL(), cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- h.Run(hctx) }()
	t.Cleanup(func() { r.stop(t) })
	return r
}

func (r *running) stop(t *testing.T) {
	t.Helper()
	if r.cancel == nil {
		return
	}
	r.cancel()
	r.cancel = nil
	select {
	case err := <-r.done:
		require.NoError(t, err, "host stopped with an error")
	case <-time.After(deadline):
		t.Fatal("host did not stop")
	}
}
