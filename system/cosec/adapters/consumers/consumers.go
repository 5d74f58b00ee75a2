// Package consumers maps the messages cosec consumes onto its use cases:
// ordering's OrderCreated starts a saga, and the participants' replies move
// it. Each handler runs inside the inbox transaction, so a message
// delivered twice has one effect.
package consumers

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/cosec/domain"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// Durable consumer names.
const (
	OrderingConsumer = "cosec-ordering"
	RepliesConsumer  = "cosec-replies"
)

// Starter starts sagas.
type Starter interface {
	StartSaga(ctx context.Context, tx pgx.Tx, env msg.Envelope, e *orderingapi.OrderCreated) error
}

// ReplyHandler moves sagas on replies.
type ReplyHandler interface {
	HandleReply(ctx context.Context, tx pgx.Tx, env msg.Envelope, r *command.Reply) error
}

// Ordering routes OrderCreated to s.
func Ordering(s Starter) *inbox.Router {
	r := inbox.NewRouter(OrderingConsumer)
	inbox.On(r, orderingapi.Subject(orderingapi.OrderCreated{}.EventName()),
		func(ctx context.Context, tx pgx.Tx, env msg.Envelope, e *orderingapi.OrderCreated) error {
			return permanent(s.StartSaga(ctx, tx, env, e))
		})
	return r
}

// Replies routes the participants' replies to h.
func Replies(h ReplyHandler) *inbox.Router {
	r := inbox.NewRouter(RepliesConsumer)
	inbox.On(r, cosecapi.ReplySubject,
		func(ctx context.Context, tx pgx.Tx, env msg.Envelope, reply *command.Reply) error {
			return permanent(h.HandleReply(ctx, tx, env, reply))
		})
	return r
}

// permanent dead-letters the input no retry can fix: an order without a
// usable id, a reply for an order that has no saga (never a compensation),
// a reply that breaks its contract. Every other error is infrastructure and
// is returned as is, so the bus retries the message and the saga never
// compensates for an outage.
func permanent(err error) error {
	if errors.Is(err, domain.ErrInvalidOrder) || errors.Is(err, domain.ErrUnknownSaga) ||
		errors.Is(err, domain.ErrMalformedReply) {
		return bus.Permanent(err)
	}
	return err
}
