package domain_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/depot/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
)

const bot, otherBot = "bot-1", "bot-2"

var stops = []depotapi.Stop{{StoreID: "s1", StoreName: "Cafe", StoreLocation: "Level 1",
	Items: []depotapi.ListItem{{ProductID: "p1", ProductName: "Cup", Quantity: 2}}}}

// listIn returns a list walked to status by the only path that reaches it,
// with its changes committed as if it had been loaded.
func listIn(t *testing.T, status depotapi.Status) *domain.ShoppingList {
	t.Helper()
	l, err := domain.NewShoppingList("l1", "o1", stops)
	require.NoError(t, err)
	steps := map[depotapi.Status][]func() error{
		depotapi.StatusPending:   nil,
		depotapi.StatusAvailable: {l.MakeAvailable},
		depotapi.StatusAssigned:  {l.MakeAvailable, func() error { return l.Assign(bot) }},
		depotapi.StatusCompleted: {l.MakeAvailable, func() error { return l.Assign(bot) }, func() error { return l.Complete(bot) }},
		depotapi.StatusCanceled:  {l.Cancel},
	}
	for _, step := range steps[status] {
		require.NoError(t, step())
	}
	require.Equal(t, status, l.State.Status)
	l.Committed()
	return l
}

func kindOf(err error) apperr.Kind {
	if e, ok := apperr.As(err); ok {
		return e.Kind
	}
	return 0
}

func TestShoppingListTransitions(t *testing.T) {
	t.Parallel()
	cancel := (*domain.ShoppingList).Cancel
	available := (*domain.ShoppingList).MakeAvailable
	assign := func(b string) func(*domain.ShoppingList) error {
		return func(l *domain.ShoppingList) error { return l.Assign(b) }
	}
	complete := func(b string) func(*domain.ShoppingList) error {
		return func(l *domain.ShoppingList) error { return l.Complete(b) }
	}
	const (
		pending, avail, assigned = depotapi.StatusPending, depotapi.StatusAvailable, depotapi.StatusAssigned
		completed, cancelled     = depotapi.StatusCompleted, depotapi.StatusCanceled
		conflict                 = apperr.KindConflict
	)
	for _, tc := range []struct {
		name  string
		from  depotapi.Status
		act   func(*domain.ShoppingList) error
		to    depotapi.Status
		event string // "" when nothing changes
		err   apperr.Kind
	}{
		{"cancel pending", pending, cancel, cancelled, "ShoppingListCanceled", 0},
		{"cancel available", avail, cancel, cancelled, "ShoppingListCanceled", 0},
		{"cancel assigned", assigned, cancel, cancelled, "ShoppingListCanceled", 0},
		{"cancel cancelled", cancelled, cancel, cancelled, "", 0},
		{"cancel completed", completed, cancel, completed, "", conflict},

		{"initiate pending", pending, available, avail, "ShoppingListAvailable", 0},
		{"initiate available", avail, available, avail, "", 0},
		{"initiate assigned", assigned, available, assigned, "", 0},
		{"initiate completed", completed, available, completed, "", 0},
		{"initiate cancelled", cancelled, available, cancelled, "", conflict},

		{"assign pending", pending, assign(bot), pending, "", conflict},
		{"assign available", avail, assign(bot), assigned, "ShoppingListAssigned", 0},
		{"assign again, same bot", assigned, assign(bot), assigned, "", 0},
		{"assign again, other bot", assigned, assign(otherBot), assigned, "", conflict},
		{"assign completed", completed, assign(bot), completed, "", conflict},
		{"assign cancelled", cancelled, assign(bot), cancelled, "", conflict},

		{"complete pending", pending, complete(bot), pending, "", conflict},
		{"complete available", avail, complete(bot), avail, "", conflict},
		{"complete assigned, its bot", assigned, complete(bot), completed, "ShoppingListCompleted", 0},
		{"complete assigned, other bot", assigned, complete(otherBot), assigned, "", conflict},
		{"complete again, its bot", completed, complete(bot), completed, "", 0},
		{"complete again, other bot", completed, complete(otherBot), completed, "", conflict},
		{"complete cancelled", cancelled, complete(bot), cancelled, "", conflict},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			l := listIn(t, tc.from)
			err := tc.act(l)
			assert.Equal(t, tc.err, kindOf(err), "%v", err)
			assert.Equal(t, tc.to, l.State.Status)
			if tc.event == "" {
				assert.Empty(t, l.Changes(), "nothing changes")
				return
			}
			require.Len(t, l.Changes(), 1)
			assert.Equal(t, tc.event, l.Changes()[0].EventName())
			carried := l.Changes()[0].(interface{ ShoppingListState() depotapi.ShoppingList }).ShoppingListState()
			assert.Equal(t, l.State, carried, "the event carries the full state")
			assert.Equal(t, stops, carried.Stops)
		})
	}
}

func TestAssignedBotIsKept(t *testing.T) {
	t.Parallel()
	l := listIn(t, depotapi.StatusAssigned)
	assert.Equal(t, bot, l.State.BotID)
	require.NoError(t, l.Complete(bot))
	assert.Equal(t, bot, l.State.BotID, "the completed list names its bot")
}

func TestEventsNeverChangeAfterwards(t *testing.T) {
	t.Parallel()
	l := listIn(t, depotapi.StatusPending)
	require.NoError(t, l.MakeAvailable())
	require.NoError(t, l.Assign(bot))
	require.NoError(t, l.Complete(bot))
	want := []struct {
		status depotapi.Status
		bot    string
	}{{depotapi.StatusAvailable, ""}, {depotapi.StatusAssigned, bot}, {depotapi.StatusCompleted, bot}}
	require.Len(t, l.Changes(), len(want))
	for i, w := range want {
		state := l.Changes()[i].(interface{ ShoppingListState() depotapi.ShoppingList }).ShoppingListState()
		assert.Equal(t, w.status, state.Status, "event %d keeps its status", i)
		assert.Equal(t, w.bot, state.BotID, "event %d keeps its bot", i)
		assert.Equal(t, stops, state.Stops, "event %d keeps the stops", i)
	}
}

func TestNewShoppingListNeedsStops(t *testing.T) {
	t.Parallel()
	_, err := domain.NewShoppingList("l1", "o1", nil)
	assert.Equal(t, apperr.KindInvalid, kindOf(err))
	l, err := domain.NewShoppingList("l1", "o1", stops)
	require.NoError(t, err)
	assert.Equal(t, depotapi.ShoppingList{ID: "l1", OrderID: "o1", Stops: stops, Status: depotapi.StatusPending}, l.State)
	require.Len(t, l.Changes(), 1)
	assert.Equal(t, "ShoppingListCreated", l.Changes()[0].EventName())
}

func TestApplyRefusesForeignEvents(t *testing.T) {
	t.Parallel()
	l := &domain.ShoppingList{}
	assert.Error(t, l.Apply(foreign{}))
}

type foreign struct{}

func (foreign) EventName() string { return "Foreign" }

var _ es.Event = foreign{}
