package bus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/mallbots/mallbots/system/platform/msg"
)

// Handler processes one message. A nil error acks it; ErrPermanent sends it
// straight to the dead-letter subject; an unavailable dependency
// (apperr.IsUnavailable) redelivers it later, up to MaxUnavailable times;
// any other error redelivers it later, up to MaxDeliver times.
type Handler func(ctx context.Context, env msg.Envelope) error

// ErrPermanent marks a failure that no retry can fix (undecodable input).
var ErrPermanent = errors.New("permanent failure")

// Permanent wraps err so that the message is dead-lettered at once.
func Permanent(err error) error { return fmt.Errorf("%w: %w", ErrPermanent, err) }

// ConsumerSpec describes one durable consumer.
type ConsumerSpec struct {
	// Durable names the consumer: <context>-<source>, e.g. baskets-stores.
	Durable string
	// Subjects are the exact subjects consumed.
	Subjects []string
	// MaxDeliver bounds deliveries before dead-lettering (default 5).
	MaxDeliver int
	// MaxUnavailable bounds deliveries of a message whose handler fails
	// because a dependency is unavailable (apperr.IsUnavailable: the
	// database down, a copy not caught up yet): it is delivered again with
	// backoff, past MaxDeliver, up to this many times (default 100, about
	// eight minutes with the default backoff) before it is dead-lettered.
	MaxUnavailable int
	// AckWait is how long a delivery may stay unacknowledged before the
	// server delivers it again (default 5s): how long the messages a crashed
	// consumer held wait before its restart (or another instance) gets them.
	// A handler that runs longer keeps its message with progress heartbeats.
	AckWait time.Duration
	// Backoff gives the delay before the next delivery after n failed ones.
	Backoff func(n int) time.Duration
	// Workers is how many messages of different ordering keys (KeyOf) are
	// handled side by side (default 1: one at a time in stream order).
	// Messages of one key are always handled one at a time in stream order.
	Workers int
	// Logger receives failures (default slog.Default()).
	Logger *slog.Logger
}

func (s *ConsumerSpec) setDefaults() {
	if s.MaxDeliver == 0 {
		s.MaxDeliver = 5
	}
	if s.MaxUnavailable == 0 {
		s.MaxUnavailable = 100
	}
	if s.AckWait == 0 {
		s.AckWait = 5 * time.Second
	}
	if s.Backoff == nil {
		s.Backoff = ExponentialBackoff(100*time.Millisecond, 5*time.Second)
	}
	if s.Logger == nil {
		s.Logger = slog.Default()
	}
	if s.Workers == 0 {
		s.Workers = 1
	}
}

// Validate reports every problem of the spec.
func (s ConsumerSpec) Validate() error {
	var errs []error
	if s.Durable == "" {
		errs = append(errs, errors.New("durable name is required"))
	}
	if len(s.Subjects) == 0 {
		errs = append(errs, errors.New("at least one subject is required"))
	}
	if s.MaxDeliver < 1 {
		errs = append(errs, errors.New("max deliver must be positive"))
	}
	if s.Workers < 1 {
		errs = append(errs, errors.New("workers must be positive"))
	}
	return errors.Join(errs...)
}

// ExponentialBackoff doubles from first up to max.
func ExponentialBackoff(first, max time.Duration) func(int) time.Duration {
	return func(n int) time.Duration {
		d := first
		for i := 1; i < n && d < max; i++ {
			d *= 2
		}
		return min(d, max)
	}
}

// ackPendingPerWorker bounds the messages a consumer holds unacknowledged:
// few enough that none waits in a lane's queue for as long as the ack wait
// (it would be delivered again while queued), enough to keep lanes busy.
const ackPendingPerWorker = 4

// pullExpiry bounds each pull request; the server's idle heartbeats come
// every half of it, and two missed ones make the client pull again. The
// default (30 s) left a consumer idle for up to a minute when a NATS
// cluster restarted under it and its pull request was lost.
const pullExpiry = 5 * time.Second

// handlerTimeout bounds one handler call.
const handlerTimeout = 30 * time.Second

func (s ConsumerSpec) maxAckPending() int { return max(16, ackPendingPerWorker*s.Workers) }

// Subscription is a running consumer.
type Subscription struct {
	cc jetstream.ConsumeContext
	d  *delivery
}

// Stop stops fetching and waits for the messages in hand to finish.
func (s *Subscription) Stop() {
	s.cc.Drain()
	<-s.cc.Closed()
	s.d.close()
}

// Consume creates or updates the durable consumer and starts handling
// messages until Stop or ctx ends: one at a time in stream order, or with
// spec.Workers side by side, in stream order within each ordering key.
func (b *Bus) Consume(ctx context.Context, spec ConsumerSpec, h Handler) (*Subscription, error) {
	spec.setDefaults()
	if err := spec.Validate(); err != nil {
		return nil, fmt.Errorf("consumer %s: %w", spec.Durable, err)
	}
	cons, err := b.js.CreateOrUpdateConsumer(ctx, StreamName, jetstream.ConsumerConfig{
		Durable:        spec.Durable,
		FilterSubjects: spec.Subjects,
		AckPolicy:      jetstream.AckExplicitPolicy,
		AckWait:        spec.AckWait,
		// The bound is enforced by handle, which dead-letters instead of
		// letting the server stop delivering silently.
		MaxDeliver:    -1,
		MaxAckPending: spec.maxAckPending(),
	})
	if err != nil {
		return nil, fmt.Errorf("consumer %s: %w", spec.Durable, err)
	}
	d := newDelivery(ctx, b, spec, h)
	cc, err := cons.Consume(d.receive, jetstream.ConsumeErrHandler(d.consumeError), jetstream.PullExpiry(pullExpiry))
	if err != nil {
		d.close()
		return nil, fmt.Errorf("consume %s: %w", spec.Durable, err)
	}
	go func() {
		<-ctx.Done()
		cc.Drain()
	}()
	return &Subscription{cc: cc, d: d}, nil
}
