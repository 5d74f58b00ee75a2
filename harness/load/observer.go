package load

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// orderEvents maps each order event the observer follows to the stage it
// marks ("" when it only changes the state).
var orderEvents = map[string]string{
	"OrderCreated": StageVisible, "OrderApproved": StageApproved, "OrderCompleted": StageCompleted,
	"OrderRejected": "", "OrderReadied": "", "OrderCanceled": "",
}

// actor is told about the events that need a bot or a paying customer.
type actor interface {
	listAvailable(corr, listID string)
	invoiceCreated(corr, invoiceID string)
}

// observer follows the run's orders on the stream, with an ordered
// consumer of its own, from the stream's end at start.
type observer struct {
	track *tracker
	act   actor
	cc    jetstream.ConsumeContext
}

func startObserver(ctx context.Context, nc *nats.Conn, track *tracker, act actor) (*observer, error) {
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, fmt.Errorf("observer: %w", err)
	}
	// Every subject, not only the ones that mark stages: each message of a
	// journey goes on its timeline, from which the hops are measured.
	cons, err := js.OrderedConsumer(ctx, bus.StreamName, jetstream.OrderedConsumerConfig{
		DeliverPolicy: jetstream.DeliverNewPolicy})
	if err != nil {
		return nil, fmt.Errorf("observer: %w", err)
	}
	o := &observer{track: track, act: act}
	if o.cc, err = cons.Consume(o.handle); err != nil {
		return nil, fmt.Errorf("observer: %w", err)
	}
	return o, nil
}

func (o *observer) stop() { o.cc.Stop() }

func (o *observer) handle(m jetstream.Msg) {
	env, err := msg.Unmarshal(m.Data())
	if err != nil {
		return
	}
	at := time.Now()
	if meta, err := m.Metadata(); err == nil {
		at = meta.Timestamp // when the server stored it
	}
	o.track.log(env.CorrelationID, env.Name, at)
	switch env.Name {
	case "ShoppingListAvailable":
		o.listAvailable(env, at)
	case "InvoiceCreated":
		var inv paymentsapi.Invoice
		if json.Unmarshal(env.Payload, &inv) == nil {
			o.act.invoiceCreated(env.CorrelationID, inv.ID)
		}
	default:
		if _, ok := orderEvents[env.Name]; ok {
			o.orderEvent(env, at)
		}
	}
}

func (o *observer) listAvailable(env msg.Envelope, at time.Time) {
	var list depotapi.ShoppingList
	if json.Unmarshal(env.Payload, &list) != nil {
		return
	}
	if o.track.stamp(env.CorrelationID, StageListReady, at) != nil {
		o.act.listAvailable(env.CorrelationID, list.ID)
	}
}

func (o *observer) orderEvent(env msg.Envelope, at time.Time) {
	var order orderingapi.Order
	if json.Unmarshal(env.Payload, &order) != nil {
		return
	}
	if stage := orderEvents[env.Name]; stage != "" {
		o.track.stamp(env.CorrelationID, stage, at)
	}
	o.track.settle(env.CorrelationID, order.ID, string(order.Status), order.Reason)
}
