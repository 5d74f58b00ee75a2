package domain_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/ordering/domain"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

const (
	pending   = orderingapi.StatusPending
	approved  = orderingapi.StatusApproved
	ready     = orderingapi.StatusReady
	completed = orderingapi.StatusCompleted
	rejected  = orderingapi.StatusRejected
	cancelled = orderingapi.StatusCanceled
)

var allStatuses = []orderingapi.Status{pending, approved, ready, completed, rejected, cancelled}

func placement() domain.Placement {
	return domain.Placement{BasketID: "basket-1", CustomerID: "customer-1", PaymentID: "payment-1",
		Items: []orderingapi.Item{
			{ProductID: "p1", ProductName: "Hammer", StoreID: "s1", StoreName: "Tools", PriceCents: 1250, Quantity: 2},
			{ProductID: "p2", ProductName: "Novel", StoreID: "s2", StoreName: "Books", PriceCents: 899, Quantity: 1},
		}, TotalCents: 3399}
}

// orderIn returns an order brought to status through the lifecycle, with
// its changes so far committed.
func orderIn(t *testing.T, status orderingapi.Status) *domain.Order {
	t.Helper()
	o, err := domain.NewOrder(placement())
	require.NoError(t, err)
	steps := map[orderingapi.Status][]func() error{
		approved:  {func() error { return o.Approve("list-1") }},
		ready:     {func() error { return o.Approve("list-1") }, o.Ready},
		completed: {func() error { return o.Approve("list-1") }, o.Ready, o.Complete},
		rejected:  {func() error { return o.Reject("customer disabled") }},
		cancelled: {func() error { return o.Cancel("changed my mind") }},
	}
	for _, step := range steps[status] {
		require.NoError(t, step())
	}
	require.Equal(t, status, o.State.Status)
	o.Committed()
	return o
}

func kindOf(err error) apperr.Kind {
	if e, ok := apperr.As(err); ok {
		return e.Kind
	}
	return 0
}

func TestNewOrderIsPendingWithTheCheckout(t *testing.T) {
	t.Parallel()
	o, err := domain.NewOrder(placement())
	require.NoError(t, err)
	p := placement()
	want := orderingapi.Order{ID: domain.OrderIDFor("basket-1"), BasketID: "basket-1", CustomerID: "customer-1",
		PaymentID: "payment-1", Items: p.Items, TotalCents: 3399, Status: pending}
	assert.Equal(t, want, o.State)
	require.Len(t, o.Changes(), 1)
	assert.Equal(t, orderingapi.OrderCreated{Order: want}, o.Changes()[0])
}

func TestOrderIDDerivesFromTheBasket(t *testing.T) {
	t.Parallel()
	assert.Equal(t, domain.OrderIDFor("basket-1"), domain.OrderIDFor("basket-1"), "stable")
	assert.NotEqual(t, domain.OrderIDFor("basket-1"), domain.OrderIDFor("basket-2"))
	assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, domain.OrderIDFor("basket-1"))
}

func TestNewOrderRefusesAnUnusableCheckout(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(p *domain.Placement)
		field  string
	}{
		{"no basket", func(p *domain.Placement) { p.BasketID = "" }, "basketId"},
		{"no customer", func(p *domain.Placement) { p.CustomerID = "" }, "customerId"},
		{"no payment", func(p *domain.Placement) { p.PaymentID = "" }, "paymentId"},
		{"NUL in customer", func(p *domain.Placement) { p.CustomerID = "a\x00b" }, "customerId"},
		{"huge payment id", func(p *domain.Placement) { p.PaymentID = strings.Repeat("x", 129) }, "paymentId"},
		{"no items", func(p *domain.Placement) { p.Items = nil; p.TotalCents = 0 }, "items"},
		{"item without product", func(p *domain.Placement) { p.Items[0].ProductID = "" }, "items[0].productId"},
		{"item without store", func(p *domain.Placement) { p.Items[1].StoreID = "" }, "items[1].storeId"},
		{"zero quantity", func(p *domain.Placement) { p.Items[0].Quantity = 0 }, "items[0].quantity"},
		{"free item", func(p *domain.Placement) { p.Items[1].PriceCents = 0 }, "items[1].priceCents"},
		{"wrong total", func(p *domain.Placement) { p.TotalCents = 1 }, "totalCents"},
		{"overflowing total", func(p *domain.Placement) {
			p.Items[0].PriceCents, p.Items[0].Quantity = math.MaxInt64/2, 3
		}, "totalCents"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := placement()
			tt.change(&p)
			_, err := domain.NewOrder(p)
			e, ok := apperr.As(err)
			require.True(t, ok, "an invalid checkout: %v", err)
			assert.Equal(t, apperr.KindInvalid, e.Kind)
			require.NotEmpty(t, e.Fields)
			assert.Equal(t, tt.field, e.Fields[0].Field)
		})
	}
}

// TestLifecycle runs every action from every status: the lifecycle is
// pending -> approved -> ready -> completed, with rejected and cancelled
// (each from pending or approved) as the other ends.
func TestLifecycle(t *testing.T) {
	t.Parallel()
	type action struct {
		name  string
		do    func(o *domain.Order) error
		event string
		to    orderingapi.Status
		from  []orderingapi.Status
		noop  []orderingapi.Status // succeed without an event
	}
	actions := []action{
		{"approve", func(o *domain.Order) error { return o.Approve("list-1") }, "OrderApproved", approved,
			[]orderingapi.Status{pending}, nil},
		{"reject", func(o *domain.Order) error { return o.Reject("payment declined") }, "OrderRejected", rejected,
			[]orderingapi.Status{pending, approved}, []orderingapi.Status{rejected, cancelled}},
		{"ready", (*domain.Order).Ready, "OrderReadied", ready, []orderingapi.Status{approved}, nil},
		{"complete", (*domain.Order).Complete, "OrderCompleted", completed, []orderingapi.Status{ready}, nil},
		{"cancel", func(o *domain.Order) error { return o.Cancel("") }, "OrderCanceled", cancelled,
			[]orderingapi.Status{pending, approved}, nil},
	}
	for _, a := range actions {
		for _, from := range allStatuses {
			t.Run(a.name+" from "+string(from), func(t *testing.T) {
				t.Parallel()
				o := orderIn(t, from)
				err := a.do(o)
				switch {
				case slices.Contains(a.from, from):
					require.NoError(t, err)
					assert.Equal(t, a.to, o.State.Status)
					require.Len(t, o.Changes(), 1)
					assert.Equal(t, a.event, o.Changes()[0].EventName())
					assert.True(t, domain.CanMove(from, a.to))
				case slices.Contains(a.noop, from):
					require.NoError(t, err)
					assert.Equal(t, from, o.State.Status, "nothing changes")
					assert.Empty(t, o.Changes(), "no event")
				default:
					assert.Equal(t, apperr.KindConflict, kindOf(err), "%v", err)
					assert.Contains(t, err.Error(), "is "+string(from))
					assert.Equal(t, from, o.State.Status, "nothing changes")
					assert.Empty(t, o.Changes(), "no event")
					assert.False(t, domain.CanMove(from, a.to))
				}
			})
		}
	}
}

func TestApproveRecordsTheShoppingList(t *testing.T) {
	t.Parallel()
	o := orderIn(t, pending)
	assert.Equal(t, apperr.KindInvalid, kindOf(o.Approve("")), "a shopping list is required")
	require.NoError(t, o.Approve("list-9"))
	assert.Equal(t, "list-9", o.State.ShoppingListID)
	assert.Equal(t, "list-9", o.Changes()[0].(orderingapi.OrderApproved).ShoppingListID)
}

func TestReasons(t *testing.T) {
	t.Parallel()
	o := orderIn(t, pending)
	require.NoError(t, o.Reject("payment\x00 declined\n"+strings.Repeat("é", 600)))
	assert.True(t, domain.Printable(o.State.Reason), "a saga's reason is made storable")
	assert.Len(t, []rune(o.State.Reason), domain.MaxReasonLength)
	assert.True(t, strings.HasPrefix(o.State.Reason, "payment  declined"))

	c := orderIn(t, approved)
	assert.Equal(t, apperr.KindInvalid, kindOf(c.Cancel("a\x00b")), "a customer's reason is checked")
	assert.Equal(t, apperr.KindInvalid, kindOf(c.Cancel(strings.Repeat("x", domain.MaxReasonLength+1))))
	require.NoError(t, c.Cancel("found it cheaper"))
	assert.Equal(t, "found it cheaper", c.State.Reason)
}

func TestEventsKeepTheirState(t *testing.T) {
	t.Parallel()
	o := orderIn(t, pending)
	require.NoError(t, o.Approve("list-1"))
	require.NoError(t, o.Ready())
	approvedEvent := o.Changes()[0].(orderingapi.OrderApproved)
	assert.Equal(t, approved, approvedEvent.Status, "a raised event never changes afterwards")
	o.State.Items[0].Quantity = 99
	assert.Equal(t, 2, approvedEvent.Items[0].Quantity)
}
