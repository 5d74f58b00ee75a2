package app

import (
	"context"
	"fmt"

	"github.com/mallbots/mallbots/system/ordering/domain"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// OrderQuery selects orders by basket, by customer, or both.
type OrderQuery struct {
	BasketID   string
	CustomerID string
}

// Validate requires at least one criterion, each a printable id.
func (q OrderQuery) Validate() error {
	var c apperr.Check
	c.Require(q.BasketID != "" || q.CustomerID != "", "basketId", "or customerId is required")
	for _, f := range [][2]string{{"basketId", q.BasketID}, {"customerId", q.CustomerID}} {
		c.Require(len(f[1]) <= domain.MaxIDLength && domain.Printable(f[1]), f[0],
			fmt.Sprintf("must be printable text of at most %d bytes", domain.MaxIDLength))
	}
	return c.Err()
}

// Order returns one order.
func (a *App) Order(ctx context.Context, id string) (orderingapi.Order, error) {
	if !msg.CanonicalID(id) {
		return orderingapi.Order{}, apperr.NotFound("order", id)
	}
	return a.views.Order(ctx, id)
}

// Orders lists the orders q selects, oldest first.
func (a *App) Orders(ctx context.Context, q OrderQuery) (orderingapi.OrderList, error) {
	if err := q.Validate(); err != nil {
		return orderingapi.OrderList{}, err
	}
	orders, err := a.views.Orders(ctx, q)
	if err != nil {
		return orderingapi.OrderList{}, fmt.Errorf("list orders: %w", err)
	}
	return orderingapi.OrderList{Orders: orders}, nil
}
