package notifications_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

func TestProviderFailingTwiceStillSendsOneSMS(t *testing.T) {
	t.Parallel()
	w := start(t, fastRetries)
	w.fault(t, smsprovider.Fault{Mode: smsprovider.ModeFail, Count: 2})
	ada := w.register(t, "Ada", "+14155550201")
	o := newOrder(ada)
	w.order(t, 1, orderingapi.OrderCreated{Order: o})

	key := notificationsapi.IdempotencyKey(o.ID, notificationsapi.KindOrderCreated)
	w.exactlyOneSMS(t, key)
	n := w.notification(t, o.ID, notificationsapi.KindOrderCreated, sent)
	assert.Equal(t, 3, n.Attempts, "two failed attempts, then the one that worked")
	assert.Contains(t, n.LastError, "503")
}

func TestProviderDroppingTheAnswerStillSendsOneSMS(t *testing.T) {
	t.Parallel()
	w := start(t, fastRetries)
	ada := w.register(t, "Ada", "+14155550202")
	// A first SMS leaves the sender a keep-alive connection to the
	// provider, on which net/http would replay a dropped send by itself.
	warmUp := newOrder(ada)
	w.order(t, 1, orderingapi.OrderCreated{Order: warmUp})
	w.exactlyOneSMS(t, notificationsapi.IdempotencyKey(warmUp.ID, notificationsapi.KindOrderCreated))
	w.fault(t, smsprovider.Fault{Mode: smsprovider.ModeDrop, Count: 1})
	o := newOrder(ada)
	w.order(t, 1, orderingapi.OrderCreated{Order: o})

	key := notificationsapi.IdempotencyKey(o.ID, notificationsapi.KindOrderCreated)
	sms := w.exactlyOneSMS(t, key)[key]
	n := w.notification(t, o.ID, notificationsapi.KindOrderCreated, sent)
	assert.Equal(t, 1, n.Attempts, "the dropped send reached the provider; asking it showed so, and nothing was sent again")
	assert.Equal(t, sms.ID, n.ProviderMessageID)
	assert.NotEmpty(t, n.LastError, "the dropped answer is on record")
}

func TestProviderTooSlowStillSendsOneSMS(t *testing.T) {
	t.Parallel()
	mod := fastRetries
	mod.SendTimeout = 150 * time.Millisecond
	w := start(t, mod)
	// Each of the first two sends outlasts the sender's timeout; the
	// provider records a send only when it completes, so neither arrives.
	w.fault(t, smsprovider.Fault{Mode: smsprovider.ModeSlow, Count: 2, DelayMs: 1000})
	ada := w.register(t, "Ada", "+14155550203")
	o := newOrder(ada)
	w.order(t, 1, orderingapi.OrderCreated{Order: o})

	key := notificationsapi.IdempotencyKey(o.ID, notificationsapi.KindOrderCreated)
	w.exactlyOneSMS(t, key)
	n := w.notification(t, o.ID, notificationsapi.KindOrderCreated, sent)
	assert.Equal(t, 3, n.Attempts)
	assert.Contains(t, n.LastError, "Timeout")
}

func TestAnOutageKeepsTheSMSPendingUntilTheProviderRecovers(t *testing.T) {
	t.Parallel()
	w := start(t, fastRetries)
	w.fault(t, smsprovider.Fault{Mode: smsprovider.ModeFail})
	ada := w.register(t, "Ada", "+14155550204")
	o := newOrder(ada)
	w.order(t, 1, orderingapi.OrderCreated{Order: o})

	w.notification(t, o.ID, notificationsapi.KindOrderCreated, func(ct *assert.CollectT, n notificationsapi.Notification) {
		assert.Equal(ct, notificationsapi.StatusPending, n.Status)
		assert.GreaterOrEqual(ct, n.Attempts, 3, "retried with backoff")
		assert.Contains(ct, n.LastError, "503")
		assert.NotNil(ct, n.NextAttemptAt)
	})
	got, err := w.c.SMSMessages(w.ctx, client.SMSFilter{})
	require.NoError(t, err)
	assert.Empty(t, got, "nothing got through the outage")

	require.NoError(t, w.c.ClearSMSFault(w.ctx))
	w.exactlyOneSMS(t, notificationsapi.IdempotencyKey(o.ID, notificationsapi.KindOrderCreated))
	w.notification(t, o.ID, notificationsapi.KindOrderCreated, sent)
}

func TestAMessageTheProviderRefusesIsNotRetried(t *testing.T) {
	t.Parallel()
	w := start(t, fastRetries)
	ada := w.register(t, "Ada", "0800 ADA") // no E.164 number: the provider refuses it
	o := newOrder(ada)
	w.order(t, 1, orderingapi.OrderCreated{Order: o})

	n := w.notification(t, o.ID, notificationsapi.KindOrderCreated, func(ct *assert.CollectT, n notificationsapi.Notification) {
		assert.Equal(ct, notificationsapi.StatusFailed, n.Status)
	})
	assert.Equal(t, 1, n.Attempts)
	assert.Contains(t, n.LastError, "400")
	// Window: the quiet window again, longer than any backoff.
	require.Never(t, func() bool {
		list, err := w.c.Notifications(w.ctx, "", o.ID)
		return err != nil || len(list.Notifications) != 1 || list.Notifications[0].Attempts != 1
	}, quietWindow, pollEvery, "a refused SMS is tried once")
	got, err := w.c.SMSMessages(w.ctx, client.SMSFilter{})
	require.NoError(t, err)
	assert.Empty(t, got)
}
