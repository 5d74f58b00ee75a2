package consumers

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// DepotConsumer is the durable consumer of depot's events.
const DepotConsumer = "ordering-depot"

// OrderReadier readies orders whose shopping is done.
type OrderReadier interface {
	ReadyOrder(ctx context.Context, tx pgx.Tx, orderID, shoppingListID string) error
}

// Depot routes ShoppingListCompleted to readying its order.
func Depot(a OrderReadier) *inbox.Router {
	r := inbox.NewRouter(DepotConsumer)
	inbox.On(r, depotapi.Subject(depotapi.ShoppingListCompleted{}.EventName()),
		func(ctx context.Context, tx pgx.Tx, env msg.Envelope, e *depotapi.ShoppingListCompleted) error {
			if err := inbox.CheckAggregate(env, e.ID); err != nil {
				return err
			}
			return permanent(env, a.ReadyOrder(ctx, tx, e.OrderID, e.ID))
		})
	return r
}
