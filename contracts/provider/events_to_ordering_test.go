//go:build pact

package provider

import (
	"encoding/json"
	"testing"

	"github.com/pact-foundation/pact-go/v2/message"
	"github.com/pact-foundation/pact-go/v2/models"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// toOrderingStates maps each provider state of the pacts of the events
// ordering consumes to the flows in whose order's life it holds.
var toOrderingStates = map[string][]string{
	"a shopping list is assigned": {sagaFlowCompleted},
	"an invoice is open":          {sagaFlowCompleted},
}

// verifyEventsToOrdering verifies the events ordering consumes: the
// checkout that creates an order (baskets), the completed shopping list
// that readies it (depot) and the paid invoice that completes it
// (payments), all from the completed order's life in the mall, read back
// from the wire.
func verifyEventsToOrdering(t *testing.T, m *mall) {
	states := m.sagaFlowStates(toOrderingStates)
	checkedOut := basketsapi.BasketCheckedOut{}.EventName()
	completed := depotapi.ShoppingListCompleted{}.EventName()
	paid := paymentsapi.InvoicePaid{}.EventName()
	for _, p := range []struct {
		producer string
		handlers message.Handlers
	}{
		{basketsapi.Context, message.Handlers{toOrderingEvent(checkedOut): m.toOrdering(basketsapi.Subject(checkedOut),
			func(o orderingapi.Order, env msg.Envelope) bool { return env.AggregateID == o.BasketID })}},
		{depotapi.Context, message.Handlers{toOrderingEvent(completed): m.toOrdering(depotapi.Subject(completed), payloadOfOrder)}},
		{paymentsapi.Context, message.Handlers{toOrderingEvent(paid): m.toOrdering(paymentsapi.Subject(paid), payloadOfOrder)}},
	} {
		t.Run(p.producer, func(t *testing.T) {
			verifyFor(t, p.producer+pactkit.Messages, []string{orderingapi.Context}, "", states, p.handlers)
		})
	}
}

// toOrderingEvent names an event in the pacts.
func toOrderingEvent(name string) string { return "a " + name + " event" }

// toOrdering answers the first message on subject that match says belongs
// to the completed order.
func (m *mall) toOrdering(subject string, match func(o orderingapi.Order, env msg.Envelope) bool) message.Handler {
	return func([]models.ProviderState) (message.Body, message.Metadata, error) {
		o, err := m.sagaFlow(sagaFlowCompleted)
		if err != nil {
			return nil, nil, err
		}
		data, meta, err := m.wire.AwaitMatch(subject, "of order "+o.ID, func(env msg.Envelope) bool {
			return match(o, env)
		})
		return data, meta, err
	}
}

// payloadOfOrder reports whether env's payload names o as its order.
func payloadOfOrder(o orderingapi.Order, env msg.Envelope) bool {
	var p struct {
		OrderID string `json:"orderId"`
	}
	return json.Unmarshal(env.Payload, &p) == nil && p.OrderID == o.ID
}
