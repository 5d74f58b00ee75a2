package search_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/search/searchapi"
)

// TestStatusFollowsTheLifecycle walks one order through pending, approved,
// ready and completed, and two more to rejected and cancelled: each status
// shows, and each order is found by it.
func TestStatusFollowsTheLifecycle(t *testing.T) {
	t.Parallel()
	env, c := startSearch(t)
	ctx := testContext(t)
	m := newMall(t, ctx, env)
	customerID := msg.NewID()
	item := orderingapi.Item{ProductID: "p", ProductName: "Lamp", StoreID: "s", StoreName: "Lights", PriceCents: 5, Quantity: 1}
	o := newOrder(customerID, item)
	at := time.Date(2030, 6, 1, 8, 0, 0, 0, time.UTC)
	byCustomer := searchapi.OrderQuery{CustomerID: customerID}

	steps := []struct {
		event  orderEvent
		status orderingapi.Status
	}{
		{orderingapi.OrderCreated{Order: o}, orderingapi.StatusPending},
		{orderingapi.OrderApproved{Order: in(o, orderingapi.StatusApproved)}, orderingapi.StatusApproved},
		{orderingapi.OrderReadied{Order: in(o, orderingapi.StatusReady)}, orderingapi.StatusReady},
		{orderingapi.OrderCompleted{Order: in(o, orderingapi.StatusCompleted)}, orderingapi.StatusCompleted},
	}
	for i, step := range steps {
		occurred := at.Add(time.Duration(i) * time.Minute)
		m.order(i+1, step.event, msg.WithClock(occurred))
		eventuallyOrder(t, ctx, c, byCustomer, o.ID, func(ct *assert.CollectT, got searchapi.Order) {
			assert.Equal(ct, string(step.status), got.Status, "after %s", step.event.EventName())
			assert.Equal(ct, occurred, got.UpdatedAt)
			assert.Equal(ct, at, got.CreatedAt)
		})
	}

	rejected, cancelled := newOrder(customerID, item), newOrder(customerID, item)
	m.order(1, orderingapi.OrderCreated{Order: rejected})
	m.order(2, orderingapi.OrderRejected{Order: in(rejected, orderingapi.StatusRejected)})
	m.order(1, orderingapi.OrderCreated{Order: cancelled})
	m.order(2, orderingapi.OrderCanceled{Order: in(cancelled, orderingapi.StatusCanceled)})
	for id, status := range map[string]string{o.ID: "completed", rejected.ID: "rejected", cancelled.ID: "cancelled"} {
		eventuallyOrders(t, ctx, c, searchapi.OrderQuery{CustomerID: customerID, Status: status},
			func(ct *assert.CollectT, got []searchapi.Order) {
				assert.Equal(ct, []string{id}, ids(got), "the %s orders", status)
			})
	}
}

// TestOlderEventDoesNotRegressTheStatus delivers order events late: a copy
// of an older event after a newer one changes nothing, and an order whose
// OrderCreated arrives after its OrderApproved stays approved and still gets
// the OrderCreated's time as createdAt.
func TestOlderEventDoesNotRegressTheStatus(t *testing.T) {
	t.Parallel()
	env, c := startSearch(t)
	ctx := testContext(t)
	m := newMall(t, ctx, env)
	customerID := msg.NewID()
	item := orderingapi.Item{ProductID: "p", ProductName: "Lamp", StoreID: "s", StoreName: "Lights", PriceCents: 5, Quantity: 2}
	at := time.Date(2030, 7, 1, 8, 0, 0, 0, time.UTC)
	byCustomer := searchapi.OrderQuery{CustomerID: customerID}

	o := newOrder(customerID, item)
	m.order(1, orderingapi.OrderCreated{Order: o}, msg.WithClock(at))
	m.order(2, orderingapi.OrderApproved{Order: in(o, orderingapi.StatusApproved)}, msg.WithClock(at.Add(time.Minute)))
	m.order(3, orderingapi.OrderReadied{Order: in(o, orderingapi.StatusReady)}, msg.WithClock(at.Add(2*time.Minute)))
	eventuallyOrder(t, ctx, c, byCustomer, o.ID, func(ct *assert.CollectT, got searchapi.Order) {
		assert.Equal(ct, "ready", got.Status)
	})
	stale := o
	stale.Items = append([]orderingapi.Item{}, item, item)
	m.order(2, orderingapi.OrderApproved{Order: in(stale, orderingapi.StatusApproved)}, msg.WithClock(at.Add(3*time.Minute)))
	m.order(1, orderingapi.OrderCreated{Order: stale}, msg.WithClock(at.Add(4*time.Minute)))
	m.settle(c)
	got, err := c.SearchOrders(ctx, byCustomer)
	require.NoError(t, err)
	require.Len(t, got.Orders, 1)
	assert.Equal(t, "ready", got.Orders[0].Status, "the late versions 2 and 1 are ignored")
	assert.Len(t, got.Orders[0].Items, 1, "the lines are those of version 3")
	assert.Equal(t, at, got.Orders[0].CreatedAt, "createdAt stays that of the first OrderCreated")
	assert.Equal(t, at.Add(2*time.Minute), got.Orders[0].UpdatedAt)

	late := newOrder(customerID, item)
	m.order(2, orderingapi.OrderApproved{Order: in(late, orderingapi.StatusApproved)}, msg.WithClock(at.Add(time.Hour+time.Minute)))
	m.order(1, orderingapi.OrderCreated{Order: late}, msg.WithClock(at.Add(time.Hour)))
	eventuallyOrder(t, ctx, c, byCustomer, late.ID, func(ct *assert.CollectT, got searchapi.Order) {
		assert.Equal(ct, "approved", got.Status, "the late OrderCreated does not regress the status")
		assert.Equal(ct, at.Add(time.Hour), got.CreatedAt, "the late OrderCreated still gives createdAt")
		assert.Equal(ct, at.Add(time.Hour+time.Minute), got.UpdatedAt)
	})
}
