package notifications_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
)

func TestEachNotifyingOrderEventSendsOneSMS(t *testing.T) {
	t.Parallel()
	w := start(t, fastRetries)
	ada := w.register(t, "Ada", "+14155550101")
	o := newOrder(ada)
	w.order(t, 1, orderingapi.OrderCreated{Order: o})
	o.Status = orderingapi.StatusApproved
	w.order(t, 2, orderingapi.OrderApproved{Order: o})
	o.Status = orderingapi.StatusReady
	w.order(t, 3, orderingapi.OrderReadied{Order: o})
	o.Status = orderingapi.StatusCompleted
	w.order(t, 4, orderingapi.OrderCompleted{Order: o})
	other := newOrder(ada)
	w.order(t, 1, orderingapi.OrderCreated{Order: other})
	other.Status, other.Reason = orderingapi.StatusCanceled, "changed my mind"
	w.order(t, 2, orderingapi.OrderCanceled{Order: other})

	keys := map[string]string{
		notificationsapi.IdempotencyKey(o.ID, notificationsapi.KindOrderCreated):      "we have received your order",
		notificationsapi.IdempotencyKey(o.ID, notificationsapi.KindOrderReady):        "is ready for pickup",
		notificationsapi.IdempotencyKey(o.ID, notificationsapi.KindOrderCompleted):    "is complete",
		notificationsapi.IdempotencyKey(other.ID, notificationsapi.KindOrderCreated):  "we have received your order",
		notificationsapi.IdempotencyKey(other.ID, notificationsapi.KindOrderCanceled): "has been cancelled",
	}
	var all []string
	for k := range keys {
		all = append(all, k)
	}
	got := w.exactlyOneSMS(t, all...)
	for key, says := range keys {
		assert.Equal(t, ada.SmsNumber, got[key].To, key)
		assert.Contains(t, got[key].Body, "Hi Ada,", key)
		assert.Contains(t, got[key].Body, says, key)
	}
	assert.Equal(t, "Hi Ada, your order "+o.ID[len(o.ID)-8:]+" is ready for pickup.",
		got[notificationsapi.IdempotencyKey(o.ID, notificationsapi.KindOrderReady)].Body)

	list, err := w.c.Notifications(w.ctx, ada.ID, "")
	require.NoError(t, err)
	assert.Len(t, list.Notifications, 5, "approval sends nothing")
	n := w.notification(t, o.ID, notificationsapi.KindOrderReady, sent)
	ready := got[n.IdempotencyKey]
	assert.Equal(t, notificationsapi.Notification{
		IdempotencyKey: ready.IdempotencyKey, CustomerID: ada.ID, OrderID: o.ID, Kind: notificationsapi.KindOrderReady,
		To: ada.SmsNumber, Body: ready.Body, Status: notificationsapi.StatusSent, Attempts: 1,
		RequestedAt: n.RequestedAt, SentAt: n.SentAt, ProviderMessageID: ready.ID,
	}, n)
	require.NotNil(t, n.SentAt)
	assert.False(t, n.SentAt.Before(n.RequestedAt))
}

func TestTheSameOrderEventTwiceSendsOneSMS(t *testing.T) {
	t.Parallel()
	w := start(t, fastRetries)
	ada := w.register(t, "Ada", "+14155550102")
	o := newOrder(ada)
	first := w.order(t, 1, orderingapi.OrderCreated{Order: o})
	// The same envelope stored twice in the stream under two Msg-Ids: the
	// inbox sees the same message id and lets it through once.
	redeliver(t, w, first, first.ID+"-redelivered")
	// The same event republished as a new message: the inbox lets it
	// through, and the idempotency key of the order and kind stops it.
	w.order(t, 1, orderingapi.OrderCreated{Order: o})

	key := notificationsapi.IdempotencyKey(o.ID, notificationsapi.KindOrderCreated)
	w.exactlyOneSMS(t, key)
	list, err := w.c.Notifications(w.ctx, "", o.ID)
	require.NoError(t, err)
	require.Len(t, list.Notifications, 1)
	assert.Equal(t, 1, list.Notifications[0].Attempts)
}

func TestTheNumberAtTheTimeOfTheOrderEventIsUsed(t *testing.T) {
	t.Parallel()
	w := start(t, fastRetries)
	ada := w.register(t, "Ada", "+14155550103")
	ada.SmsNumber = "+14155550199"
	w.customer(t, 2, customersapi.CustomerSmsNumberChanged{Customer: ada})
	w.barrier(t)
	o := newOrder(ada)
	w.order(t, 1, orderingapi.OrderCreated{Order: o})

	got := w.exactlyOneSMS(t, notificationsapi.IdempotencyKey(o.ID, notificationsapi.KindOrderCreated))
	for _, m := range got {
		assert.Equal(t, "+14155550199", m.To, "the changed number")
	}
}

func TestAnOlderCustomerEventDoesNotRollTheCacheBack(t *testing.T) {
	t.Parallel()
	w := start(t, fastRetries)
	ada := w.register(t, "Ada", "+14155550104")
	newer, older := ada, ada
	newer.SmsNumber, newer.Name = "+14155550105", "Ada Lovelace"
	older.Enabled = false
	w.customer(t, 3, customersapi.CustomerSmsNumberChanged{Customer: newer})
	w.customer(t, 2, customersapi.CustomerDisabled{Customer: older})
	w.barrier(t)
	o := newOrder(ada)
	w.order(t, 1, orderingapi.OrderCreated{Order: o})

	for _, m := range w.exactlyOneSMS(t, notificationsapi.IdempotencyKey(o.ID, notificationsapi.KindOrderCreated)) {
		assert.Equal(t, "+14155550105", m.To, "version 3 is kept; the late version 2 is ignored")
		assert.Contains(t, m.Body, "Hi Ada Lovelace,")
	}
}
