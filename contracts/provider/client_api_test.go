//go:build pact

package provider

import (
	"slices"
	"sync"
	"testing"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/search/searchapi"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// sdkConsumer is the typed client (system/client) as a consumer: it has a
// pact with each context's REST API (client-<context>.json).
const sdkConsumer = "client"

// sdkLanes are the contexts whose API the typed client calls, in two
// lanes verified side by side: the first needs no order; the second needs
// the orders that sdkStates starts meanwhile, and verifies depot before
// ordering and payments so that an order serves them in its life's order
// (sdkStates). The verifier spends most of an interaction waiting, so two
// lanes take little more than the longer one.
var sdkLanes = [][]string{
	{storesapi.Context, customersapi.Context, basketsapi.Context},
	{depotapi.Context, orderingapi.Context, paymentsapi.Context, cosecapi.Context, notificationsapi.Context,
		searchapi.Context},
}

// sdkProviders are the contexts whose API the typed client calls.
var sdkProviders = slices.Concat(sdkLanes...)

// verifyClientAPI replays the typed client's pact with each context
// against the whole mall (every context is served on m.env.URL): the
// states create real data through the typed client and the mall's order
// flows, and answer the ids the requests use.
func verifyClientAPI(t *testing.T, m *mall) {
	s := startSDKStates(m)
	defer s.wait() // no flow outlives the verification (the mall stops after it)
	states := s.handlers()
	var wg sync.WaitGroup
	for _, lane := range sdkLanes {
		wg.Go(func() {
			for _, name := range lane {
				t.Run(name, func(t *testing.T) { verifyFor(t, name, []string{sdkConsumer}, m.env.URL, states, nil) })
			}
		})
	}
	wg.Wait()
}
