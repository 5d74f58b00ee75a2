package load

import (
	"context"
	"time"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
)

// addSMS stamps each order's sms stage with the time the SMS provider
// received the order-created SMS, and recomputes the summaries.
func (d *driver) addSMS(ctx context.Context, res *Result, begin time.Time) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	msgs, err := d.api.SMSMessages(ctx, client.SMSFilter{})
	if err != nil {
		res.Errors["sms provider: "+errorKind(err)]++
		return
	}
	received := make(map[string]time.Time, len(msgs))
	for _, m := range msgs {
		received[m.IdempotencyKey] = m.ReceivedAt
	}
	for i, j := range d.acceptedJourneys() {
		if at, ok := received[notificationsapi.IdempotencyKey(j.orderID, notificationsapi.KindOrderCreated)]; ok && j.orderID != "" {
			res.Orders[i].Stages[StageSMS] = ms(at.Sub(j.sentAt))
		}
	}
	res.Latency = latencies(res.Orders)
	res.Throughput = throughput(res.Orders)
}

// acceptedJourneys are the journeys behind Result.Orders, in the same order.
func (d *driver) acceptedJourneys() []*journey {
	var out []*journey
	for _, j := range d.track.journeys() {
		d.track.mu.Lock()
		if j.accepted {
			out = append(out, j)
		}
		d.track.mu.Unlock()
	}
	return out
}
