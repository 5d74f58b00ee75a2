package app

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
)

// OrderChange is the state of an order as one of ordering's events carries it.
type OrderChange struct {
	Order orderingapi.Order
	// Version is the order's aggregate version after the event.
	Version int
	// OccurredAt is when the event happened.
	OccurredAt time.Time
	// Created marks the OrderCreated event, whose OccurredAt is the order's
	// createdAt.
	Created bool
}

// ProjectOrder writes an order event's state: the order, its status and its
// lines. An event older than the stored version changes nothing, except that
// a late OrderCreated still gives the order its createdAt.
func (a *App) ProjectOrder(ctx context.Context, tx pgx.Tx, c OrderChange) error {
	if c.OccurredAt.IsZero() {
		// An envelope without a time still records the order, as of now.
		c.OccurredAt = time.Now()
	}
	c.OccurredAt = c.OccurredAt.UTC()
	return a.model.PutOrder(ctx, tx, c)
}
