package contexts_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/contexts"
)

// subscribers returns the contexts subscribed to subject.
func subscribers(subject string) []string {
	var out []string
	for _, s := range contexts.Subscriptions() {
		if slices.Contains(s.Subjects, subject) && !slices.Contains(out, s.Context) {
			out = append(out, s.Context)
		}
	}
	return out
}

func TestSubscriptionsNameWhoReceivesWhat(t *testing.T) {
	for _, tc := range []struct {
		subject string
		want    []string
	}{
		{"mallbots.stores.events.StoreCreated", []string{"baskets", "depot", "search"}},
		{"mallbots.ordering.events.OrderCreated", []string{"cosec", "notifications", "search"}},
		{"mallbots.ordering.events.OrderCanceled", []string{"payments", "depot", "notifications", "search"}},
		{"mallbots.ordering.events.OrderRejected", []string{"payments", "search"}},
		{"mallbots.customers.events.CustomerRegistered", []string{"baskets", "payments", "notifications", "search"}},
		{"mallbots.customers.events.CustomerDisabled", []string{"notifications", "search"}},
		{"mallbots.customers.commands.AuthorizeCustomer", []string{"customers"}},
		{"mallbots.cosec.replies.CreateOrderSaga", []string{"cosec"}},
		{"mallbots.depot.events.ShoppingListAssigned", nil},
	} {
		t.Run(tc.subject, func(t *testing.T) {
			assert.Equal(t, tc.want, subscribers(tc.subject))
		})
	}
}

func TestSubscriptionsAreWellFormed(t *testing.T) {
	consumers := map[string]bool{}
	for _, s := range contexts.Subscriptions() {
		assert.Contains(t, contexts.Names(), s.Context)
		assert.False(t, consumers[s.Consumer], "consumer %s listed twice", s.Consumer)
		consumers[s.Consumer] = true
		assert.True(t, strings.HasPrefix(s.Consumer, s.Context+"-"), "consumer %s of %s", s.Consumer, s.Context)
		require.NotEmpty(t, s.Subjects, s.Consumer)
		for _, subject := range s.Subjects {
			parts := strings.Split(subject, ".")
			require.Len(t, parts, 4, subject)
			assert.Equal(t, "mallbots", parts[0], subject)
			assert.Contains(t, contexts.Names(), parts[1], subject)
			assert.Contains(t, []string{"events", "commands", "replies"}, parts[2], subject)
		}
	}
}

// TestSubscriptionsListEveryRouterAModuleMounts counts the Consume calls of
// each context's module.go: a router mounted there but not listed in
// Subscriptions (or the other way round) fails here.
func TestSubscriptionsListEveryRouterAModuleMounts(t *testing.T) {
	listed := map[string]int{}
	for _, s := range contexts.Subscriptions() {
		listed[s.Context]++
	}
	for _, name := range contexts.Names() {
		path := filepath.Join("..", name, "module.go")
		file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		require.NoError(t, err)
		mounted := 0
		ast.Inspect(file, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Consume" {
					mounted++
				}
			}
			return true
		})
		assert.Equal(t, mounted, listed[name], "%s mounts %d routers, Subscriptions lists %d", path, mounted, listed[name])
	}
}
