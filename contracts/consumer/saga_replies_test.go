//go:build pact

package consumer

import (
	"slices"
	"testing"

	"github.com/pact-foundation/pact-go/v2/matchers"
	message "github.com/pact-foundation/pact-go/v2/message/v4"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/command"
)

// sagaStep is an earlier reply that brings the saga to the step whose
// reply the pact holds.
type sagaStep struct{ step, outcome string }

// The earlier replies that bring the saga to each step.
var (
	sagaToCreateList   = []sagaStep{{cosecapi.StepAuthorizeCustomer, command.Succeeded}}
	sagaToConfirm      = sagaThen(sagaToCreateList, cosecapi.StepCreateShoppingList, command.Succeeded)
	sagaToInitiate     = sagaThen(sagaToConfirm, cosecapi.StepConfirmPayment, command.Succeeded)
	sagaToApprove      = sagaThen(sagaToInitiate, cosecapi.StepInitiateShopping, command.Succeeded)
	sagaToCancelList   = sagaThen(sagaToConfirm, cosecapi.StepConfirmPayment, command.Failed)
	sagaToRejectOrder  = []sagaStep{{cosecapi.StepAuthorizeCustomer, command.Failed}}
	sagaDisabledReason = "customer " + sagaCustomerID + " is disabled"
)

// sagaThen returns the replies of before followed by step's.
func sagaThen(before []sagaStep, step, outcome string) []sagaStep {
	return append(slices.Clone(before), sagaStep{step, outcome})
}

// sagaReply is a participant's reply to one of the saga's commands, as
// cosec expects it: the pact message goes through cosec's real replies
// router after the saga was started (OrderCreated through its real
// router) and brought to the command's step by the earlier replies; the
// saga must then be in status at next (its newest message sent is next,
// or the saga's final event), and check, if any, looks further.
type sagaReply struct {
	participant, command, outcome, state string
	payload                              map[string]any
	earlier                              []sagaStep
	status                               cosecapi.Status
	next                                 string
	check                                func(t *testing.T, c *sagaCosec, s cosecapi.Saga)
}

// sagaReplyDescription names a reply in the pacts.
func sagaReplyDescription(outcome, name string) string {
	return "a " + outcome + " " + name + " reply"
}

func (r sagaReply) verify(t *testing.T) {
	t.Helper()
	b := messagePact(t, cosecapi.Context, r.participant+pactkit.Messages).AddAsynchronousMessage()
	if r.state != "" {
		b = b.Given(r.state)
	}
	payload := map[string]any{"outcome": r.outcome}
	for k, v := range r.payload {
		payload[k] = v
	}
	err := b.ExpectsToReceive(sagaReplyDescription(r.outcome, r.command)).
		WithMetadata(pactkit.Metadata(cosecapi.ReplySubject)).
		WithJSONContent(pactkit.Reply(r.command, cosecapi.ReplySubject, payload)).
		ConsumedBy(func(m message.AsynchronousMessage) error {
			env := pactkit.Decode(t, m.Contents)
			require.Equal(t, cosecapi.ReplySubject, env.Subject)
			c := newSagaCosec(t)
			c.start()
			for _, e := range r.earlier {
				c.reply(e.step, e.outcome)
			}
			if err := c.feed(env); err != nil {
				return err
			}
			r.moved(t, c)
			return nil
		}).
		Verify(t)
	require.NoError(t, err)
}

// moved asserts where the reply took the saga.
func (r sagaReply) moved(t *testing.T, c *sagaCosec) {
	t.Helper()
	s := c.saga()
	require.Equal(t, r.status, s.Status, "saga %+v", s)
	require.Equal(t, r.next, s.CurrentStep, "saga %+v", s)
	last := s.History[len(s.History)-1]
	if r.next != "" {
		last = s.History[len(s.History)-2]
	}
	require.Equal(t, []string{r.command, r.outcome}, []string{last.Step, last.Outcome}, "the reply is recorded")
	want := r.next
	switch r.status {
	case cosecapi.StatusSucceeded:
		want = cosecapi.CreateOrderSagaCompleted{}.EventName()
	case cosecapi.StatusFailed:
		want = cosecapi.CreateOrderSagaFailed{}.EventName()
	}
	require.Equal(t, want, c.lastSent().Name, "what the saga sent on the reply")
	if r.check != nil {
		r.check(t, c, s)
	}
}

// sagaFailure is the payload of a failed reply: why it failed.
func sagaFailure(reason string) map[string]any {
	return map[string]any{"reason": matchers.Like(reason)}
}

// TestSagaMovesOnReplies: each participant's reply moves the saga on:
// forward on success (keeping the shopping list id CreateShoppingList
// answers), into its compensations on a failure (keeping the reason), to
// its end after ApproveOrder or RejectOrder.
func TestSagaMovesOnReplies(t *testing.T) {
	for _, r := range []sagaReply{
		{participant: customersapi.Context, command: cosecapi.StepAuthorizeCustomer, outcome: command.Succeeded,
			state: StateCustomer, status: cosecapi.StatusRunning, next: cosecapi.StepCreateShoppingList},
		{participant: customersapi.Context, command: cosecapi.StepAuthorizeCustomer, outcome: command.Failed,
			state: StateCustomerDisabled, payload: sagaFailure(sagaDisabledReason),
			status: cosecapi.StatusCompensating, next: cosecapi.StepRejectOrder,
			check: func(t *testing.T, _ *sagaCosec, s cosecapi.Saga) {
				require.Equal(t, "AuthorizeCustomer failed: "+sagaDisabledReason, s.FailureReason)
			}},
		{participant: depotapi.Context, command: cosecapi.StepCreateShoppingList, outcome: command.Succeeded,
			state: StateStore, payload: map[string]any{"result": map[string]any{"shoppingListId": pactkit.ID(sagaListID)}},
			earlier: sagaToCreateList, status: cosecapi.StatusRunning, next: cosecapi.StepConfirmPayment,
			check: func(t *testing.T, _ *sagaCosec, s cosecapi.Saga) {
				require.Equal(t, sagaListID, s.ShoppingListID, "the saga keeps the list's id")
			}},
		{participant: paymentsapi.Context, command: cosecapi.StepConfirmPayment, outcome: command.Succeeded,
			state: StatePaymentAuthorized, earlier: sagaToConfirm, status: cosecapi.StatusRunning,
			next: cosecapi.StepInitiateShopping},
		{participant: paymentsapi.Context, command: cosecapi.StepConfirmPayment, outcome: command.Failed,
			state: StatePaymentTooSmall, payload: sagaFailure("amount 500 does not match authorized 300"),
			earlier: sagaToConfirm, status: cosecapi.StatusCompensating, next: cosecapi.StepCancelShoppingList},
		{participant: depotapi.Context, command: cosecapi.StepInitiateShopping, outcome: command.Succeeded,
			state: StateListPending, earlier: sagaToInitiate, status: cosecapi.StatusRunning,
			next: cosecapi.StepApproveOrder,
			check: func(t *testing.T, c *sagaCosec, _ cosecapi.Saga) {
				require.JSONEq(t, `{"orderId":"`+pactkit.ExampleID+`","shoppingListId":"`+sagaListID+`"}`,
					string(c.lastSent().Payload), "ApproveOrder names the list")
			}},
		{participant: orderingapi.Context, command: cosecapi.StepApproveOrder, outcome: command.Succeeded,
			state: StateOrderPending, earlier: sagaToApprove, status: cosecapi.StatusSucceeded},
		{participant: depotapi.Context, command: cosecapi.StepCancelShoppingList, outcome: command.Succeeded,
			state: StateListPending, earlier: sagaToCancelList, status: cosecapi.StatusCompensating,
			next: cosecapi.StepRejectOrder},
		{participant: orderingapi.Context, command: cosecapi.StepRejectOrder, outcome: command.Succeeded,
			state: StateOrderPending, earlier: sagaToRejectOrder, status: cosecapi.StatusFailed},
	} {
		t.Run(r.outcome+" "+r.command, func(t *testing.T) { r.verify(t) })
	}
}
