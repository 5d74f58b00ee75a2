package notifications_test

import (
	"testing"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/notifications/adapters/consumers"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// TestAnOrderBeforeItsCustomerIsRetriedNotDropped publishes an order event
// for a customer notifications has not heard of yet: the event fails and is
// delivered again, and once the customer's registration arrives the SMS goes.
func TestAnOrderBeforeItsCustomerIsRetriedNotDropped(t *testing.T) {
	t.Parallel()
	// Enough deliveries (backing off from 100 ms up to 5 s) to outlast the
	// wait for the first redelivery below.
	patient := func(c *host.Config) { c.MaxDeliver = 20 }
	w := start(t, fastRetries, patient)
	ada := customersapi.Customer{ID: msg.NewID(), Name: "Ada", SmsNumber: "+14155550301", Enabled: true}
	o := newOrder(ada)
	w.order(t, 1, orderingapi.OrderCreated{Order: o})

	// The host creates its consumers once it runs; until then there is
	// nothing to look at.
	require.EventuallyWithT(t, func(ct *assert.CollectT) {
		cons, err := w.bus.JetStream().Consumer(w.ctx, bus.StreamName, consumers.OrderingConsumer)
		if !assert.NoError(ct, err) {
			return
		}
		info, err := cons.Info(w.ctx)
		if assert.NoError(ct, err) {
			assert.Positive(ct, info.NumRedelivered, "the order event was delivered again: %+v", info)
		}
	}, deadline, pollEvery)

	w.customer(t, 1, customersapi.CustomerRegistered{Customer: ada})
	got := w.exactlyOneSMS(t, notificationsapi.IdempotencyKey(o.ID, notificationsapi.KindOrderCreated))
	for _, m := range got {
		assert.Equal(t, ada.SmsNumber, m.To)
	}
}

// TestAPoisonEventIsDeadLettered publishes a customer event that no retry
// can make usable: it goes to the dead-letter subject at once, and the
// consumer goes on with the next one.
func TestAPoisonEventIsDeadLettered(t *testing.T) {
	t.Parallel()
	w := start(t, fastRetries)
	dlq, err := w.bus.JetStream().CreateOrUpdateConsumer(w.ctx, bus.StreamName, jetstream.ConsumerConfig{
		FilterSubject: msg.DeadLetterSubject(consumers.CustomersConsumer), AckPolicy: jetstream.AckNonePolicy,
	})
	require.NoError(t, err)
	bad := customersapi.Customer{ID: msg.NewID(), Name: "Nul\u0000Name", SmsNumber: "+14155550302"}
	w.customer(t, 1, customersapi.CustomerRegistered{Customer: bad})

	m, err := dlq.Next(jetstream.FetchMaxWait(deadline))
	require.NoError(t, err)
	assert.Contains(t, string(m.Data()), bad.ID)
	w.barrier(t)
}
