package app

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// StartSaga starts the create-order saga of a new order, within the inbox
// transaction tx: it saves the saga and sends AuthorizeCustomer. An order
// that already has a saga (OrderCreated published again under a new id)
// changes nothing. Every error is returned, so the bus retries the message:
// a saga start is never lost.
func (a *App) StartSaga(ctx context.Context, tx pgx.Tx, env msg.Envelope, e *orderingapi.OrderCreated) error {
	s, effects, err := a.coord.Start(e.Order, env.CorrelationID, a.now())
	if err != nil {
		return fmt.Errorf("start saga: %w", err)
	}
	created, err := a.sagas.Create(ctx, tx, s)
	if err != nil || !created {
		return err
	}
	return a.apply(ctx, tx, s, effects, env.ID)
}
