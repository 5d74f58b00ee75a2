//go:build pact

package provider

import (
	"testing"

	"github.com/pact-foundation/pact-go/v2/message"
	"github.com/pact-foundation/pact-go/v2/models"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// The shared order flows (mall.shared) the saga's messages come from: a
// completed order goes through every forward step, a rejected one (a
// disabled customer) fails AuthorizeCustomer, an underpaid one fails
// ConfirmPayment after its list was made and has it cancelled.
const (
	sagaFlowCompleted = "completed"
	sagaFlowRejected  = "rejected"
	sagaFlowUnderpaid = "underpaid"
)

// sagaParticipants are the consumers of the saga's commands.
var sagaParticipants = []string{customersapi.Context, depotapi.Context, paymentsapi.Context, orderingapi.Context}

// sagaCommands are the saga's commands, each with the flow that sends it.
var sagaCommands = []struct{ subject, name, flow string }{
	{customersapi.AuthorizeCustomerSubject, cosecapi.StepAuthorizeCustomer, sagaFlowCompleted},
	{depotapi.CreateShoppingListSubject, cosecapi.StepCreateShoppingList, sagaFlowCompleted},
	{paymentsapi.ConfirmPaymentSubject, cosecapi.StepConfirmPayment, sagaFlowCompleted},
	{depotapi.InitiateShoppingSubject, cosecapi.StepInitiateShopping, sagaFlowCompleted},
	{orderingapi.ApproveOrderSubject, cosecapi.StepApproveOrder, sagaFlowCompleted},
	{depotapi.CancelShoppingListSubject, cosecapi.StepCancelShoppingList, sagaFlowUnderpaid},
	{orderingapi.RejectOrderSubject, cosecapi.StepRejectOrder, sagaFlowRejected},
}

// sagaReplies are the participants' replies the saga's consumer expects,
// each with the flow that makes its participant answer so.
var sagaReplies = []struct{ participant, command, outcome, flow string }{
	{customersapi.Context, cosecapi.StepAuthorizeCustomer, command.Succeeded, sagaFlowCompleted},
	{customersapi.Context, cosecapi.StepAuthorizeCustomer, command.Failed, sagaFlowRejected},
	{depotapi.Context, cosecapi.StepCreateShoppingList, command.Succeeded, sagaFlowCompleted},
	{depotapi.Context, cosecapi.StepInitiateShopping, command.Succeeded, sagaFlowCompleted},
	{depotapi.Context, cosecapi.StepCancelShoppingList, command.Succeeded, sagaFlowUnderpaid},
	{paymentsapi.Context, cosecapi.StepConfirmPayment, command.Succeeded, sagaFlowCompleted},
	{paymentsapi.Context, cosecapi.StepConfirmPayment, command.Failed, sagaFlowUnderpaid},
	{orderingapi.Context, cosecapi.StepApproveOrder, command.Succeeded, sagaFlowCompleted},
	{orderingapi.Context, cosecapi.StepRejectOrder, command.Succeeded, sagaFlowRejected},
}

// sagaStates maps each provider state of the saga's pacts to the flows in
// whose order's life it holds.
var sagaStates = map[string][]string{
	"a customer exists":                               {sagaFlowCompleted},
	"a customer is disabled":                          {sagaFlowRejected},
	"a store exists":                                  {sagaFlowCompleted},
	"a shopping list is pending":                      {sagaFlowCompleted, sagaFlowUnderpaid},
	"a payment is authorized":                         {sagaFlowCompleted},
	"a payment is authorized for less than the order": {sagaFlowUnderpaid},
	"an order is pending":                             {sagaFlowCompleted, sagaFlowRejected},
}

// verifySaga verifies the saga's commands (cosec -> each participant),
// the participants' replies and the OrderCreated that starts the saga
// (each -> cosec), all produced by three orders' lives in the mall and
// read back from the wire by the saga's id (the order's).
func verifySaga(t *testing.T, m *mall) {
	states := m.sagaFlowStates(sagaStates)
	commands := message.Handlers{}
	for _, c := range sagaCommands {
		commands["a "+c.name+" command"] = m.sagaMessage(c.flow, c.subject, c.name)
	}
	t.Run("commands", func(t *testing.T) {
		verifyFor(t, cosecapi.Context+pactkit.Messages, sagaParticipants, "", states, commands)
	})
	replies := map[string]message.Handlers{}
	for _, r := range sagaReplies {
		if replies[r.participant] == nil {
			replies[r.participant] = message.Handlers{}
		}
		replies[r.participant]["a "+r.outcome+" "+r.command+" reply"] =
			m.sagaMessage(r.flow, cosecapi.ReplySubject, command.ReplyName(r.command))
	}
	created := orderingapi.OrderCreated{}.EventName()
	replies[orderingapi.Context]["a "+created+" event"] = func([]models.ProviderState) (message.Body, message.Metadata, error) {
		o, err := m.sagaFlow(sagaFlowCompleted)
		return produced(m.wire, orderingapi.Subject(created), o.ID, err)
	}
	for _, p := range sagaParticipants {
		t.Run(p, func(t *testing.T) {
			verifyFor(t, p+pactkit.Messages, []string{cosecapi.Context}, "", states, replies[p])
		})
	}
}

// sagaFlow runs a shared order flow by name (once per mall) and answers its
// order.
func (m *mall) sagaFlow(name string) (orderingapi.Order, error) {
	run := map[string]func() (orderingapi.Order, error){
		sagaFlowCompleted: m.completedOrder, sagaFlowRejected: m.rejectedOrder, sagaFlowUnderpaid: m.underpaidOrder,
	}[name]
	return m.shared(name, run)
}

// sagaFlowStates returns the state handlers of states: setting a state up runs
// the flows in whose order's life it holds (each once per mall), so that
// the message asked for next exists whichever of them produces it.
func (m *mall) sagaFlowStates(states map[string][]string) models.StateHandlers {
	handlers := models.StateHandlers{}
	for state, flows := range states {
		handlers[state] = func(setup bool, _ models.ProviderState) (models.ProviderStateResponse, error) {
			if !setup {
				return nil, nil
			}
			for _, f := range flows {
				if _, err := m.sagaFlow(f); err != nil {
					return nil, err
				}
			}
			return nil, nil
		}
	}
	return handlers
}

// sagaMessage answers the message named name on subject that the saga of
// flow's order sent or was sent (its saga-id header is the order's id).
func (m *mall) sagaMessage(flow, subject, name string) message.Handler {
	return func([]models.ProviderState) (message.Body, message.Metadata, error) {
		o, err := m.sagaFlow(flow)
		if err != nil {
			return nil, nil, err
		}
		data, meta, err := m.wire.AwaitMatch(subject, name+" of saga "+o.ID, func(env msg.Envelope) bool {
			return env.Name == name && env.Header(command.HeaderSagaID) == o.ID
		})
		return data, meta, err
	}
}
