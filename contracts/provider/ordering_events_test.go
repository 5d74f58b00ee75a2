//go:build pact

package provider

import (
	"testing"

	"github.com/pact-foundation/pact-go/v2/message"
	"github.com/pact-foundation/pact-go/v2/models"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
)

// orderingEventConsumers are the consumers of ordering's events verified
// here (cosec's OrderCreated is verified with the saga).
var orderingEventConsumers = []string{"depot", "notifications", "payments", "search"}

// verifyOrderingEvents produces each order event through a real order's
// life in the mall and verifies the envelope read back from JetStream:
// one completed order (created, approved, readied, completed), one the
// customer cancelled once approved, one the saga rejected (a disabled
// customer). Each flow runs once, whatever number of consumers expect
// its events.
func verifyOrderingEvents(t *testing.T, m *mall) {
	on := func(event, flow string, run func() (orderingapi.Order, error)) message.Handler {
		return func([]models.ProviderState) (message.Body, message.Metadata, error) {
			o, err := m.shared(flow, run)
			return produced(m.wire, orderingapi.Subject(event), o.ID, err)
		}
	}
	completed := func(event string) message.Handler { return on(event, "completed", m.completedOrder) }
	handlers := message.Handlers{}
	for _, event := range []string{
		orderingapi.OrderCreated{}.EventName(), orderingapi.OrderApproved{}.EventName(),
		orderingapi.OrderReadied{}.EventName(), orderingapi.OrderCompleted{}.EventName(),
	} {
		handlers["a "+event+" event"] = completed(event)
	}
	canceled, rejected := orderingapi.OrderCanceled{}.EventName(), orderingapi.OrderRejected{}.EventName()
	handlers["a "+canceled+" event"] = on(canceled, "cancelled", m.cancelledOrder)
	handlers["a "+rejected+" event"] = on(rejected, "rejected", m.rejectedOrder)
	verifyFor(t, orderingapi.Context+pactkit.Messages, orderingEventConsumers, "", nil, handlers)
}
