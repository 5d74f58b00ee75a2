package consumers

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/ordering/domain"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// BasketsConsumer is the durable consumer of baskets' events.
const BasketsConsumer = "ordering-baskets"

// OrderCreator makes orders from checkouts.
type OrderCreator interface {
	CreateOrder(ctx context.Context, tx pgx.Tx, p domain.Placement) error
}

// Baskets routes BasketCheckedOut to the creation of its order.
func Baskets(a OrderCreator) *inbox.Router {
	r := inbox.NewRouter(BasketsConsumer)
	inbox.On(r, basketsapi.Subject(basketsapi.BasketCheckedOut{}.EventName()),
		func(ctx context.Context, tx pgx.Tx, env msg.Envelope, e *basketsapi.BasketCheckedOut) error {
			if err := inbox.CheckAggregate(env, e.ID); err != nil {
				return err
			}
			return permanent(env, a.CreateOrder(ctx, tx, placement(e.Basket)))
		})
	return r
}

func placement(b basketsapi.Basket) domain.Placement {
	items := make([]orderingapi.Item, 0, len(b.Items))
	for _, it := range b.Items {
		items = append(items, orderingapi.Item{ProductID: it.ProductID, ProductName: it.ProductName,
			StoreID: it.StoreID, StoreName: it.StoreName, PriceCents: it.PriceCents, Quantity: it.Quantity})
	}
	return domain.Placement{BasketID: b.ID, CustomerID: b.CustomerID, PaymentID: b.PaymentID,
		Items: items, TotalCents: b.TotalCents}
}
