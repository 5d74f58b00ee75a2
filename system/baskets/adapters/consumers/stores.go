// Package consumers maps the messages the baskets context consumes (stores'
// and customers' events) onto its use cases. Each handler runs inside the inbox transaction, so a message
// delivered twice has one effect.
package consumers

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// Consumer is the durable consumer of stores' events.
const Consumer = "baskets-stores"

// Cache is what the stores consumer updates.
type Cache interface {
	CacheStore(ctx context.Context, tx pgx.Tx, s storesapi.Store, version int) error
	CacheProduct(ctx context.Context, tx pgx.Tx, p storesapi.Product, version int) error
}

// Stores routes every stores event that changes what a basket shows into c.
func Stores(c Cache) *inbox.Router {
	r := inbox.NewRouter(Consumer)
	onStore[storesapi.StoreCreated](r, c)
	onStore[storesapi.StoreRebranded](r, c)
	onStore[storesapi.StoreParticipationEnabled](r, c)
	onStore[storesapi.StoreParticipationDisabled](r, c)
	onProduct[storesapi.ProductAdded](r, c)
	onProduct[storesapi.ProductRebranded](r, c)
	onProduct[storesapi.ProductPriceIncreased](r, c)
	onProduct[storesapi.ProductPriceDecreased](r, c)
	onProduct[storesapi.ProductRemoved](r, c)
	return r
}

func onStore[E storesapi.StoreEvent](r *inbox.Router, c Cache) {
	var e E
	inbox.On(r, storesapi.Subject(e.EventName()), func(ctx context.Context, tx pgx.Tx, env msg.Envelope, p *E) error {
		s := (*p).StoreState()
		if err := inbox.CheckVersioned(env, s.ID); err != nil {
			return err
		}
		return c.CacheStore(ctx, tx, s, env.AggregateVersion)
	})
}

func onProduct[E storesapi.ProductEvent](r *inbox.Router, c Cache) {
	var e E
	inbox.On(r, storesapi.Subject(e.EventName()), func(ctx context.Context, tx pgx.Tx, env msg.Envelope, p *E) error {
		pr := (*p).ProductState()
		if err := inbox.CheckVersioned(env, pr.ID); err != nil {
			return err
		}
		return c.CacheProduct(ctx, tx, pr, env.AggregateVersion)
	})
}
