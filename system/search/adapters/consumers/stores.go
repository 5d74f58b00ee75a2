package consumers

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// StoresConsumer is the durable consumer of stores' events.
const StoresConsumer = "search-stores"

// StoreProjector is what the stores consumer updates.
type StoreProjector interface {
	ProjectStore(ctx context.Context, tx pgx.Tx, s storesapi.Store, version int) error
	ProjectProduct(ctx context.Context, tx pgx.Tx, p storesapi.Product, version int) error
}

// Stores routes every stores event into p: each carries the full store or
// product, so all of them keep the version rule exact, not only renames.
func Stores(p StoreProjector) *inbox.Router {
	r := inbox.NewRouter(StoresConsumer)
	onStore[storesapi.StoreCreated](r, p)
	onStore[storesapi.StoreRebranded](r, p)
	onStore[storesapi.StoreParticipationEnabled](r, p)
	onStore[storesapi.StoreParticipationDisabled](r, p)
	onProduct[storesapi.ProductAdded](r, p)
	onProduct[storesapi.ProductRebranded](r, p)
	onProduct[storesapi.ProductPriceIncreased](r, p)
	onProduct[storesapi.ProductPriceDecreased](r, p)
	onProduct[storesapi.ProductRemoved](r, p)
	return r
}

func onStore[E storesapi.StoreEvent](r *inbox.Router, p StoreProjector) {
	var e E
	inbox.On(r, storesapi.Subject(e.EventName()), func(ctx context.Context, tx pgx.Tx, env msg.Envelope, ev *E) error {
		s := (*ev).StoreState()
		if err := inbox.CheckVersioned(env, s.ID); err != nil {
			return err
		}
		return permanentIfData(p.ProjectStore(ctx, tx, s, env.AggregateVersion))
	})
}

func onProduct[E storesapi.ProductEvent](r *inbox.Router, p StoreProjector) {
	var e E
	inbox.On(r, storesapi.Subject(e.EventName()), func(ctx context.Context, tx pgx.Tx, env msg.Envelope, ev *E) error {
		pr := (*ev).ProductState()
		if err := inbox.CheckVersioned(env, pr.ID); err != nil {
			return err
		}
		return permanentIfData(p.ProjectProduct(ctx, tx, pr, env.AggregateVersion))
	})
}
