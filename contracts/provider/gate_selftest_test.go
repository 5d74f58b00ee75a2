//go:build pact

package provider

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/contexts"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// shelfMoved is a subject no pact covers: stores publishes no such event.
const shelfMoved = "mallbots.stores.events.ShelfMoved"

// TestCoverageGateNamesANewSubscription shows the gate failing on a
// subscription without a pact: depot gains a router on shelfMoved, and the
// gate's failure names exactly that edge, in its readable form. The known
// gaps are the gaps of the system as it is (what gaps.txt lists when
// TestCoverageGate passes), so only the added subscription is new.
func TestCoverageGateNamesANewSubscription(t *testing.T) {
	subjects, calls := contracted(t)
	known := gapsOf(contexts.Subscriptions(), restCalls, subjects, calls)
	require.Empty(t, gateFailures(known, known), "the gate fails with no change")

	shelves := shelfRouter()
	subs := append(contexts.Subscriptions(),
		contexts.Subscription{Context: "depot", Consumer: shelves.Consumer(), Subjects: shelves.Subjects()})
	failures := gateFailures(gapsOf(subs, restCalls, subjects, calls), known)

	require.Equal(t, []string{
		"1 edges have no contract (add a consumer test, or list them in contracts/gaps.txt):\n" +
			"  message stores -> depot: " + shelfMoved,
	}, failures)
	t.Logf("the gate reports:\n%s", failures[0])
}

// shelfRouter is a consumer's router on shelfMoved, built as the contexts
// build theirs.
func shelfRouter() *inbox.Router {
	r := inbox.NewRouter("depot-shelves")
	inbox.On(r, shelfMoved, func(context.Context, pgx.Tx, msg.Envelope, *struct{}) error { return nil })
	return r
}
