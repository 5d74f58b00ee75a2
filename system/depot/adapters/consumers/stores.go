// Package consumers maps the events the depot consumes onto its use cases:
// stores' store events fill the store cache, ordering's OrderCanceled
// cancels the order's list. Each handler runs inside the inbox transaction,
// so a message delivered twice has one effect.
package consumers

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// StoresConsumer is the durable consumer of stores' events.
const StoresConsumer = "depot-stores"

// StoreCache is what the stores consumer updates.
type StoreCache interface {
	CacheStore(ctx context.Context, tx pgx.Tx, s storesapi.Store, version int) error
}

// Stores routes every stores event that may change a store's name or
// location into c. Product events are not consumed: a list takes product
// names from the order.
func Stores(c StoreCache) *inbox.Router {
	r := inbox.NewRouter(StoresConsumer)
	onStore[storesapi.StoreCreated](r, c)
	onStore[storesapi.StoreRebranded](r, c)
	onStore[storesapi.StoreParticipationEnabled](r, c)
	onStore[storesapi.StoreParticipationDisabled](r, c)
	return r
}

func onStore[E storesapi.StoreEvent](r *inbox.Router, c StoreCache) {
	var e E
	inbox.On(r, storesapi.Subject(e.EventName()), func(ctx context.Context, tx pgx.Tx, env msg.Envelope, p *E) error {
		s := (*p).StoreState()
		if err := inbox.CheckVersioned(env, s.ID); err != nil {
			return err
		}
		return permanent(c.CacheStore(ctx, tx, s, env.AggregateVersion))
	})
}

// permanent dead-letters an application error (input no retry can fix);
// any other error is infrastructure and is retried.
func permanent(err error) error {
	if _, ok := apperr.As(err); ok {
		return bus.Permanent(err)
	}
	return err
}
