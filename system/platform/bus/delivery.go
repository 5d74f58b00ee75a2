package bus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// DeadLetter is the document published on a consumer's dead-letter subject.
type DeadLetter struct {
	Consumer        string          `json:"consumer"`
	OriginalSubject string          `json:"originalSubject"`
	StreamSequence  uint64          `json:"streamSequence"`
	Deliveries      uint64          `json:"deliveries"`
	Error           string          `json:"error"`
	FailedAt        time.Time       `json:"failedAt"`
	Original        json.RawMessage `json:"original,omitempty"`
	OriginalText    string          `json:"originalText,omitempty"`
}

type delivery struct {
	bus     *Bus
	spec    ConsumerSpec
	handler Handler
	ctx     context.Context
	lanes   *lanes // nil: handled inline, one at a time
}

func newDelivery(ctx context.Context, b *Bus, spec ConsumerSpec, h Handler) *delivery {
	d := &delivery{bus: b, spec: spec, handler: h, ctx: ctx}
	if spec.Workers > 1 {
		d.lanes = newLanes(spec.Workers, spec.maxAckPending(), d.handle)
	}
	return d
}

// close waits for the lanes to finish the messages they hold.
func (d *delivery) close() {
	if d.lanes != nil {
		d.lanes.close()
	}
}

// receive decodes a delivered message and handles it, or queues it on its
// key's lane.
func (d *delivery) receive(m jetstream.Msg) {
	env, err := msg.Unmarshal(m.Data())
	it := laneItem{m: m, env: env, err: err}
	if d.lanes == nil {
		d.handle(it)
		return
	}
	d.lanes.add(it)
}

func (d *delivery) consumeError(_ jetstream.ConsumeContext, err error) {
	if !errors.Is(err, jetstream.ErrNoHeartbeat) || d.bus.Connected() {
		d.spec.Logger.Debug("consume", "consumer", d.spec.Durable, "err", err)
	}
}

func (d *delivery) handle(it laneItem) {
	m := it.m
	meta, err := m.Metadata()
	if err != nil {
		d.spec.Logger.Error("message without metadata", "consumer", d.spec.Durable, "err", err)
		_ = m.Nak()
		return
	}
	n := meta.NumDelivered
	err = d.process(it)
	switch {
	case err == nil && d.bus.forced.again(n):
		_ = m.Nak() // handled; delivered again at once for the inbox to absorb
	case err == nil:
		d.ack(m)
	case errors.Is(err, ErrPermanent) || n >= uint64(d.limit(err)):
		d.deadLetter(m, meta, err)
	default:
		d.spec.Logger.Warn("handler failed, will redeliver", "consumer", d.spec.Durable,
			"subject", m.Subject(), "delivery", n, "err", err)
		_ = m.NakWithDelay(d.spec.Backoff(int(n)))
	}
}

// limit is how many deliveries a message failing with err may get.
func (d *delivery) limit(err error) int {
	if apperr.IsUnavailable(err) {
		return max(d.spec.MaxUnavailable, d.spec.MaxDeliver)
	}
	return d.spec.MaxDeliver
}

func (d *delivery) process(it laneItem) error {
	if it.err != nil {
		return Permanent(it.err)
	}
	ctx, cancel := context.WithTimeout(d.ctx, handlerTimeout)
	defer cancel()
	stop := d.heartbeat(it.m)
	defer stop()
	return d.handler(ctx, it.env)
}

// heartbeat tells the server, every third of the ack wait, that the message
// is still being worked on, so that a slow handler is not raced by a
// redelivery; stop ends it.
func (d *delivery) heartbeat(m jetstream.Msg) (stop func()) {
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(d.spec.AckWait / 3)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				_ = m.InProgress()
			}
		}
	}()
	return func() { close(done) }
}

func (d *delivery) ack(m jetstream.Msg) {
	ctx, cancel := context.WithTimeout(d.ctx, 5*time.Second)
	defer cancel()
	// A double ack waits for the server, so a lost ack shows up here rather
	// than as a surprise redelivery (which the inbox would absorb anyway).
	if err := m.DoubleAck(ctx); err != nil {
		d.spec.Logger.Warn("ack failed", "consumer", d.spec.Durable, "err", err)
	}
}

func (d *delivery) deadLetter(m jetstream.Msg, meta *jetstream.MsgMetadata, cause error) {
	dl := DeadLetter{
		Consumer: d.spec.Durable, OriginalSubject: m.Subject(), StreamSequence: meta.Sequence.Stream,
		Deliveries: meta.NumDelivered, Error: cause.Error(), FailedAt: time.Now().UTC(),
	}
	if json.Valid(m.Data()) {
		dl.Original = m.Data()
	} else {
		dl.OriginalText = string(m.Data())
	}
	if err := d.publishDeadLetter(dl); err != nil {
		d.spec.Logger.Error("dead-letter publish failed, will redeliver", "consumer", d.spec.Durable, "err", err)
		_ = m.NakWithDelay(d.spec.Backoff(int(meta.NumDelivered)))
		return
	}
	d.spec.Logger.Error("message dead-lettered", "consumer", d.spec.Durable,
		"subject", m.Subject(), "deliveries", meta.NumDelivered, "err", cause)
	_ = m.Term()
}

func (d *delivery) publishDeadLetter(dl DeadLetter) error {
	data, err := json.Marshal(dl)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(d.ctx, 5*time.Second)
	defer cancel()
	out := &nats.Msg{Subject: msg.DeadLetterSubject(d.spec.Durable), Data: data, Header: nats.Header{}}
	out.Header.Set(jetstream.MsgIDHeader, fmt.Sprintf("dlq-%s-%d", d.spec.Durable, dl.StreamSequence))
	_, err = d.bus.js.PublishMsg(ctx, out)
	return err
}
