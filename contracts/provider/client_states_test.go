//go:build pact

package provider

import (
	"maps"

	"github.com/pact-foundation/pact-go/v2/models"

	"github.com/mallbots/mallbots/system/depot/depotapi"
)

// sdkParams are the ids a provider state answers, by the consumer's key.
type sdkParams = models.ProviderStateResponse

// sdkStates are the provider states of the typed client's pacts. The cheap
// ones create their data through the typed client when asked. The orders
// (each a saga across the mall) are started at once, side by side, and
// each serves several interactions: the completed order is m.shared's
// (read only); order A's list is available for a bot to take, then the
// customer may still cancel A; a bot took order B's list, and once it
// completed it B's invoice is open. A state whose order has moved on (when
// the interactions run in another order) falls back to a new order.
type sdkStates struct {
	m              *mall
	completed      *sdkLater
	orderA, orderB *sdkLater
}

func startSDKStates(m *mall) *sdkStates {
	return &sdkStates{m: m, completed: sdkStart(m.sdkCompleted),
		orderA: sdkStart(m.sdkAvailableList), orderB: sdkStart(m.sdkAssignedList)}
}

// wait waits for every flow started.
func (s *sdkStates) wait() {
	for _, l := range []*sdkLater{s.completed, s.orderA, s.orderB} {
		_, _ = l.get()
	}
}

// handlers maps each state name of the client's pacts to its set-up.
func (s *sdkStates) handlers() models.StateHandlers {
	m := s.m
	h := models.StateHandlers{
		"a store exists": sdkSetUp(func() (sdkParams, error) { return m.sdkStore(true) }),
		"a store that does not participate exists": sdkSetUp(func() (sdkParams, error) { return m.sdkStore(false) }),
		"a product exists":                         sdkSetUp(m.sdkProduct),
		"a removed product exists":                 sdkSetUp(m.sdkRemovedProduct),
		"a customer exists":                        sdkSetUp(func() (sdkParams, error) { return m.sdkCustomer(false) }),
		"a disabled customer exists":               sdkSetUp(func() (sdkParams, error) { return m.sdkCustomer(true) }),
		"an open basket exists":                    sdkSetUp(m.sdkBasket),
		"an open basket and a product exist":       sdkSetUp(m.sdkBasketAndProduct),
		"a basket with an item exists":             sdkSetUp(m.sdkBasketWithItem),
		"a cancelled basket exists":                sdkSetUp(m.sdkCancelledBasket),
		"a payment exists":                         sdkSetUp(m.sdkPayment),
		"a bot exists":                             sdkSetUp(m.sdkBot),
	}
	maps.Copy(h, s.orderHandlers())
	return h
}

// orderHandlers are the states made of orders (see sdkStates).
func (s *sdkStates) orderHandlers() models.StateHandlers {
	m := s.m
	return models.StateHandlers{
		"a completed order exists": sdkSetUp(s.completed.get),
		"an approved order exists": sdkSetUp(func() (sdkParams, error) {
			return m.sdkStill(s.orderA, m.sdkApproved, m.sdkAvailableList)
		}),
		"a shopping list is available": sdkSetUp(func() (sdkParams, error) {
			return m.sdkWithBot(m.sdkStill(s.orderA, m.sdkListIs(depotapi.StatusAvailable), m.sdkAvailableList))
		}),
		"a shopping list is assigned": sdkSetUp(func() (sdkParams, error) {
			return m.sdkStill(s.orderB, m.sdkListIs(depotapi.StatusAssigned), m.sdkAssignedList)
		}),
		// a bot other than the one that completed it.
		"a shopping list is completed": sdkSetUp(func() (sdkParams, error) {
			p, err := s.completed.get()
			return m.sdkWithBot(sdkParams{"shoppingListId": p["shoppingListId"]}, err)
		}),
		"an invoice is open": sdkSetUp(func() (sdkParams, error) {
			return m.sdkStill(s.orderB, m.sdkInvoiceOpens, m.sdkAssignedList)
		}),
	}
}

// sdkSetUp adapts fn to a state handler that creates data on set-up and has
// nothing to tear down (every state makes data of its own).
func sdkSetUp(fn func() (sdkParams, error)) models.StateHandler {
	return func(setup bool, _ models.ProviderState) (models.ProviderStateResponse, error) {
		if !setup {
			return nil, nil
		}
		return fn()
	}
}

// sdkLater is a flow started ahead of the interactions that need it.
type sdkLater struct {
	done chan struct{}
	p    sdkParams
	err  error
}

func sdkStart(flow func() (sdkParams, error)) *sdkLater {
	l := &sdkLater{done: make(chan struct{})}
	go func() {
		defer close(l.done)
		l.p, l.err = flow()
	}()
	return l
}

// get waits for the flow and answers a copy of its ids.
func (l *sdkLater) get() (sdkParams, error) {
	<-l.done
	return maps.Clone(l.p), l.err
}
