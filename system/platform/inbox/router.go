package inbox

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// Func handles one decoded message inside the inbox transaction.
type Func[T any] func(ctx context.Context, tx pgx.Tx, env msg.Envelope, payload *T) error

type route func(ctx context.Context, tx pgx.Tx, env msg.Envelope) error

// Router dispatches a consumer's subjects to typed handlers.
type Router struct {
	consumer string
	routes   map[string]route
}

// NewRouter returns a router for the durable consumer named consumer.
func NewRouter(consumer string) *Router {
	return &Router{consumer: consumer, routes: map[string]route{}}
}

// On routes subject to fn, decoding the payload into T.
func On[T any](r *Router, subject string, fn Func[T]) {
	r.routes[subject] = func(ctx context.Context, tx pgx.Tx, env msg.Envelope) error {
		var payload T
		if err := json.Unmarshal(env.Payload, &payload); err != nil {
			return bus.Permanent(fmt.Errorf("decode %s payload: %w", env.Name, err))
		}
		return fn(ctx, tx, env, &payload)
	}
}

// Consumer returns the durable consumer name.
func (r *Router) Consumer() string { return r.consumer }

// Subjects returns the routed subjects, sorted.
func (r *Router) Subjects() []string {
	subjects := make([]string, 0, len(r.routes))
	for s := range r.routes {
		subjects = append(subjects, s)
	}
	slices.Sort(subjects)
	return subjects
}

// Handler returns the bus handler that runs each message once, in a
// transaction that records it in the inbox.
func (r *Router) Handler(pool *pgxpool.Pool) bus.Handler {
	return func(ctx context.Context, env msg.Envelope) error {
		rt, ok := r.routes[env.Subject]
		if !ok {
			return bus.Permanent(fmt.Errorf("no route for subject %s", env.Subject))
		}
		ctx = msg.CausedBy(ctx, env)
		return pg.InTx(ctx, pool, func(tx pgx.Tx) error {
			first, err := Record(ctx, tx, r.consumer, env.ID)
			if err != nil || !first {
				return err
			}
			return rt(ctx, tx, env)
		})
	}
}

// Record inserts the message id for consumer and reports whether it is new.
// A concurrent delivery of the same id waits on the row lock and then sees it.
func Record(ctx context.Context, tx pgx.Tx, consumer, messageID string) (bool, error) {
	tag, err := tx.Exec(ctx, `INSERT INTO inbox (consumer, message_id) VALUES ($1, $2)
		ON CONFLICT DO NOTHING`, consumer, messageID)
	if err != nil {
		return false, fmt.Errorf("inbox: %w", err)
	}
	return tag.RowsAffected() == 1, nil
}
