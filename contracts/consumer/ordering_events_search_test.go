//go:build pact

package consumer

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pact-foundation/pact-go/v2/matchers"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
	searchconsumers "github.com/mallbots/mallbots/system/search/adapters/consumers"
	searchpg "github.com/mallbots/mallbots/system/search/adapters/postgres"
	searchapp "github.com/mallbots/mallbots/system/search/app"
	searchmigrations "github.com/mallbots/mallbots/system/search/migrations"
	"github.com/mallbots/mallbots/system/search/searchapi"
)

// searchOrderingRouter is the ordering router search's module.go mounts.
func searchOrderingRouter(pool *pgxpool.Pool) *inbox.Router {
	return searchconsumers.Ordering(searchapp.New(searchpg.NewReadModel(pool)))
}

// searchOrderPayload is what search reads of an order event: the order,
// its customer, status (exact: it is what a search filters by), total
// and lines.
func searchOrderPayload(status orderingapi.Status) map[string]any {
	return map[string]any{
		"orderId":    pactkit.ID(pactkit.ExampleID),
		"customerId": pactkit.ID(orderCustomerID),
		"status":     string(status),
		"totalCents": matchers.Integer(orderTotalCents),
		"items": matchers.EachLike(map[string]any{
			"productId":   pactkit.ID(orderProductID),
			"productName": matchers.Like("Pencil"),
			"storeId":     pactkit.ID(orderStoreID),
			"storeName":   matchers.Like("Corner Shop"),
			"priceCents":  matchers.Integer(250),
			"quantity":    matchers.Integer(2),
		}, 1),
	}
}

// TestOrderingEventsToSearch: search projects every order event into its
// read model (status, total, lines, times). An event after OrderCreated
// moves the order that OrderCreated projected before it (a later version),
// keeping its creation time.
func TestOrderingEventsToSearch(t *testing.T) {
	for _, ev := range []struct {
		name   string
		status orderingapi.Status
	}{
		{orderingapi.OrderCreated{}.EventName(), orderingapi.StatusPending},
		{orderingapi.OrderApproved{}.EventName(), orderingapi.StatusApproved},
		{orderingapi.OrderRejected{}.EventName(), orderingapi.StatusRejected},
		{orderingapi.OrderReadied{}.EventName(), orderingapi.StatusReady},
		{orderingapi.OrderCompleted{}.EventName(), orderingapi.StatusCompleted},
		{orderingapi.OrderCanceled{}.EventName(), orderingapi.StatusCanceled},
	} {
		t.Run(ev.name, func(t *testing.T) {
			created := exampleTime(t)
			e := orderingEdge{consumer: "search", name: ev.name, payload: searchOrderPayload(ev.status),
				context: "search", migrations: searchmigrations.FS, router: searchOrderingRouter,
				effect: func(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
					searchHolds(t, ctx, pool, ev.status, created, exampleTime(t))
				},
			}
			if ev.status != orderingapi.StatusPending {
				created = created.Add(-time.Hour)
				e.before = func(t *testing.T, ctx context.Context, _ *pgxpool.Pool, feed func(msg.Envelope)) {
					o := orderingapi.OrderCreated{Order: exampleOrder(orderingapi.StatusPending)}
					feed(earlierEvent(t, ctx, o.EventName(), o, created))
				}
			}
			e.verify(t)
		})
	}
}

// searchHolds asserts, through search's own query, that the read model
// holds the examples' order in status, created and updated at those times.
func searchHolds(t *testing.T, ctx context.Context, pool *pgxpool.Pool, status orderingapi.Status, created, updated time.Time) {
	t.Helper()
	list, err := searchapp.New(searchpg.NewReadModel(pool)).SearchOrders(ctx,
		searchapi.OrderQuery{CustomerID: orderCustomerID, Limit: 10})
	require.NoError(t, err)
	require.Len(t, list.Orders, 1, "search holds no order of the customer")
	got := list.Orders[0]
	require.True(t, got.CreatedAt.Equal(created), "createdAt %s, want %s", got.CreatedAt, created)
	require.True(t, got.UpdatedAt.Equal(updated), "updatedAt %s, want %s", got.UpdatedAt, updated)
	got.CreatedAt, got.UpdatedAt = time.Time{}, time.Time{}
	require.Equal(t, searchapi.Order{OrderID: pactkit.ExampleID, CustomerID: orderCustomerID,
		Status: string(status), TotalCents: orderTotalCents,
		Items: []searchapi.OrderItem{{ProductID: orderProductID, ProductName: "Pencil", StoreID: orderStoreID,
			StoreName: "Corner Shop", PriceCents: 250, Quantity: 2}}}, got)
}
