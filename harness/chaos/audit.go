package chaos

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

// unique says that one event may be stored at most once per value of a
// payload field: one OrderCreated per basket, one ShoppingListCreated,
// InvoiceCreated and PaymentConfirmed per order.
type unique struct {
	event, kind, per string
}

var uniques = []unique{
	{"OrderCreated", "order", "basketId"},
	{"ShoppingListCreated", "shopping list", "orderId"},
	{"InvoiceCreated", "invoice", "orderId"},
	{"PaymentConfirmed", "payment", "orderId"},
}

// countStream fills the counts that the phase's messages give: orders,
// duplicates, dead letters. It returns the phase's order ids.
func (c *Counts) countStream(msgs []stored, p poison) []string {
	c.Duplicates = map[string]int{"sms": 0}
	c.ExpectedPoison = len(p.consumers)
	seen := map[string]map[string]int{}
	for _, u := range uniques {
		seen[u.event] = map[string]int{}
		c.Duplicates[u.kind] = 0
	}
	var orders []string
	ended := map[string]bool{}
	for _, m := range msgs {
		if dl, ok := deadLetter(m); ok {
			c.countDeadLetter(dl, p)
			continue
		}
		if !m.decoded {
			continue
		}
		fields := payloadFields(m.env)
		for _, u := range uniques {
			if m.env.Name == u.event {
				seen[u.event][fields[u.per]]++
			}
		}
		switch m.env.Name {
		case "OrderCreated":
			orders = append(orders, fields["orderId"])
		case "OrderApproved", "OrderRejected":
			ended[fields["orderId"]] = true
		}
	}
	c.Orders = len(orders)
	for _, id := range orders {
		if !ended[id] {
			c.SagaOpen++
		}
	}
	for _, u := range uniques {
		for _, n := range seen[u.event] {
			c.Duplicates[u.kind] += n - 1
		}
	}
	return orders
}

func (c *Counts) countDeadLetter(dl bus.DeadLetter, p poison) {
	if dl.StreamSequence == p.seq && dl.OriginalSubject == p.subject {
		c.PoisonDeadLetters++
		return
	}
	c.OtherDeadLetters++
	if c.DeadLetters == nil {
		c.DeadLetters = map[string]int{}
	}
	reason := dl.Error
	if len(reason) > 160 {
		reason = reason[:160] + "..."
	}
	c.DeadLetters[dl.Consumer+" ("+subjectName(dl.OriginalSubject)+"): "+reason]++
}

// subjectName is the last token of a subject: the message's name.
func subjectName(subject string) string { return subject[strings.LastIndex(subject, ".")+1:] }

func deadLetter(m stored) (bus.DeadLetter, bool) {
	var dl bus.DeadLetter
	if !strings.HasPrefix(m.subject, msg.DeadLetterSubject("")) {
		return dl, false
	}
	return dl, json.Unmarshal(m.data, &dl) == nil
}

// payloadFields reads a payload's top-level string fields.
func payloadFields(env msg.Envelope) map[string]string {
	var raw map[string]any
	_ = json.Unmarshal(env.Payload, &raw)
	out := map[string]string{}
	for k, v := range raw {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	return out
}

// countOutbox checks every outbox row of the phase against the stream:
// published, and stored exactly once under its message id.
func (c *Counts) countOutbox(rows []outboxRow, msgs []stored) {
	inStream := map[string]int{}
	for _, m := range msgs {
		inStream[m.msgID]++
	}
	c.OutboxRows = len(rows)
	for _, r := range rows {
		switch n := inStream[r.messageID]; {
		case !r.published:
			c.Unpublished++
		case n == 0:
			c.NotInStream++
		case n > 1:
			c.PublishedTwice++
		default:
			c.PublishedOnce++
		}
	}
}

// smsKeys are the idempotency keys of the order-created SMS of orders.
func smsKeys(orders []string) []string {
	keys := make([]string, len(orders))
	for i, id := range orders {
		keys[i] = notificationsapi.IdempotencyKey(id, notificationsapi.KindOrderCreated)
	}
	return keys
}

// countSMS counts the phase's order-created SMS and those missing, and
// every SMS received since the phase began that repeats an earlier one (the
// same text to the same number: the text names the order and what
// happened). The provider keeps one message per idempotency key, as real
// providers do, so a repeat is an SMS the sender sent under a second key.
func (c *Counts) countSMS(orders []string, msgs []smsprovider.Message, since time.Time) {
	keys := smsKeys(orders)
	c.MissingSMS = len(missing(keys, msgs))
	c.SMS = len(keys) - c.MissingSMS
	seen := map[[2]string]bool{}
	for _, m := range msgs {
		if m.ReceivedAt.Before(since) {
			continue
		}
		k := [2]string{m.To, m.Body}
		if seen[k] {
			c.Duplicates["sms"]++
		}
		seen[k] = true
	}
}

// audit counts everything the phase produced since m.
func (t *Target) audit(ctx context.Context, c *Counts, m marks, p poison, since, smsDeadline time.Time) error {
	msgs, err := t.scan(ctx, m.streamSeq)
	if err != nil {
		return err
	}
	orders := c.countStream(msgs, p)
	rows, err := t.outboxRows(ctx, m)
	if err != nil {
		return err
	}
	c.countOutbox(rows, msgs)
	sms, err := t.awaitSMS(ctx, smsKeys(orders), smsDeadline)
	if err != nil {
		return err
	}
	c.countSMS(orders, sms, since)
	return nil
}
