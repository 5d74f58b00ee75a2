package chaos

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

// event fabricates a stored domain message.
func event(t *testing.T, seq uint64, name string, payload map[string]any) stored {
	data, err := json.Marshal(payload)
	require.NoError(t, err)
	env := msg.Envelope{ID: msg.NewID(), Name: name, Subject: msg.EventSubject("x", name), Payload: data}
	return stored{seq: seq, subject: env.Subject, msgID: env.ID, env: env, decoded: true}
}

func deadLetterOf(t *testing.T, seq uint64, consumer string, original uint64, subject string) stored {
	data, err := json.Marshal(bus.DeadLetter{Consumer: consumer, OriginalSubject: subject, StreamSequence: original,
		Error: "decode payload: malformed"})
	require.NoError(t, err)
	return stored{seq: seq, subject: msg.DeadLetterSubject(consumer), msgID: "dlq", data: data}
}

// TestCountingFindsEveryBrokenPromise: fabricated phases with a duplicate
// order, a second shopping list, an order left half-way, a lost dead
// letter, an outbox row missing from the stream and one stored twice, a
// missing and a repeated SMS are each counted and named; a clean phase has
// no violation.
func TestCountingFindsEveryBrokenPromise(t *testing.T) {
	p := poison{seq: 1, subject: msg.EventSubject("stores", "StoreCreated"), consumers: []string{"a-stores", "b-stores"}}
	o1 := event(t, 2, "OrderCreated", map[string]any{"orderId": "o1", "basketId": "b1"})
	o1again := event(t, 3, "OrderCreated", map[string]any{"orderId": "o1bis", "basketId": "b1"})
	o2 := event(t, 4, "OrderCreated", map[string]any{"orderId": "o2", "basketId": "b2"})
	clean := []stored{o1, o2,
		event(t, 5, "OrderApproved", map[string]any{"orderId": "o1"}),
		event(t, 6, "OrderRejected", map[string]any{"orderId": "o2"}),
		event(t, 7, "ShoppingListCreated", map[string]any{"orderId": "o1", "shoppingListId": "l1"}),
		deadLetterOf(t, 8, "a-stores", 1, p.subject), deadLetterOf(t, 9, "b-stores", 1, p.subject)}

	var c Counts
	orders := c.countStream(clean, p)
	assert.Equal(t, []string{"o1", "o2"}, orders)
	rows := []outboxRow{{messageID: o1.msgID, published: true}, {messageID: o2.msgID, published: true}}
	c.countOutbox(rows, clean)
	since := time.Now()
	sms := []smsprovider.Message{
		{To: "+15550001", Body: "your order o1", IdempotencyKey: notificationsapi.IdempotencyKey("o1", "order_created"), ReceivedAt: since},
		{To: "+15550002", Body: "your order o2", IdempotencyKey: notificationsapi.IdempotencyKey("o2", "order_created"), ReceivedAt: since},
	}
	c.countSMS(orders, sms, since)
	c.Accepted = 2
	assert.Empty(t, c.violations(), "a clean phase")
	assert.Equal(t, 2, c.PublishedOnce)
	assert.Equal(t, 2, c.PoisonDeadLetters)

	dirty := append(clean, o1again,
		event(t, 10, "ShoppingListCreated", map[string]any{"orderId": "o1", "shoppingListId": "l2"}),
		deadLetterOf(t, 11, "a-ordering", 4, "mallbots.ordering.events.OrderCreated"))
	var d Counts
	orders = d.countStream(dirty, p)
	d.countOutbox([]outboxRow{{messageID: o1.msgID, published: true}, {messageID: "not-stored", published: true},
		{messageID: "pending", published: false}, {messageID: o2.msgID, published: true}},
		append(dirty, stored{msgID: o2.msgID}))
	d.countSMS(orders, append(sms[:1:1], sms[0]), since)
	d.Accepted = 2
	assert.Equal(t, []string{
		"1 orders were neither approved nor rejected",
		"1 duplicate order", "1 duplicate shopping list", "1 duplicate sms",
		"2 orders got no order-created SMS",
		"1 outbox rows were never published",
		"1 outbox rows marked published are not in the stream",
		"1 outbox rows were published more than once",
		"1 messages other than the poison were dead-lettered",
	}, d.violations())
	assert.Equal(t, map[string]int{"a-ordering (OrderCreated): decode payload: malformed": 1}, d.DeadLetters)
}

// TestNothingAcceptedProvesNothing: a phase in which no checkout was
// accepted fails, whatever else it counted.
func TestNothingAcceptedProvesNothing(t *testing.T) {
	assert.Contains(t, Counts{}.violations(), "no checkout was accepted: the phase proved nothing")
}

func TestSelectNamesUnknownFaults(t *testing.T) {
	all := []Fault{{Name: "kill-ordering"}, {Name: "nats-restart"}}
	got, err := Select(all, " nats-restart ")
	require.NoError(t, err)
	assert.Equal(t, []string{"nats-restart"}, Names(got))
	_, err = Select(all, "kill-ordering,kill-orderin")
	assert.EqualError(t, err, "unknown fault kill-orderin; this runtime and topology offer: kill-ordering, nats-restart")
}
