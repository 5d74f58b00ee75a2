package cosec_test

import (
	"encoding/json"
	"testing"

	"github.com/mallbots/mallbots/internal/systest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func TestAStepWithoutReplyTimesOutAndIsCompensated(t *testing.T) {
	t.Parallel()
	m := startCosec(t, shortStep)
	p := m.play(t, map[string]answer{cosecapi.StepCreateShoppingList: silent})
	o, correlation := newOrder(), "checkout-"+msg.NewID()

	m.createOrder(t, o, correlation)
	cmds := p.await(t, 4)

	require.Equal(t, []string{cosecapi.StepAuthorizeCustomer, cosecapi.StepCreateShoppingList,
		cosecapi.StepCancelShoppingList, cosecapi.StepRejectOrder}, names(cmds),
		"the list that may have been created late is cancelled anyway")
	assert.Equal(t, depotapi.CancelShoppingList{OrderID: o.ID}, systest.Payload[depotapi.CancelShoppingList](t, cmds[2]))
	assert.Equal(t, orderingapi.RejectOrder{OrderID: o.ID, Reason: "CreateShoppingList timed out"},
		systest.Payload[orderingapi.RejectOrder](t, cmds[3]))
	assert.Equal(t, correlation, cmds[2].CorrelationID, "a deadline's commands keep the order's correlation")
	assert.Equal(t, cmds[1].ID, cmds[2].CausationID, "the silent command causes the compensation")
	saga := m.ended(t, o.ID)
	assert.Equal(t, cosecapi.StatusFailed, saga.Status)
	assert.Equal(t, "CreateShoppingList timed out", saga.FailureReason)
	assert.Equal(t, []string{
		"AuthorizeCustomer:sent", "AuthorizeCustomer:succeeded", "CreateShoppingList:sent",
		"CreateShoppingList:timed_out", "CancelShoppingList:sent", "CancelShoppingList:succeeded",
		"RejectOrder:sent", "RejectOrder:succeeded",
	}, steps(saga))
	sent, _ := record(saga, cosecapi.StepCreateShoppingList, cosecapi.OutcomeSent)
	timedOut, _ := record(saga, cosecapi.StepCreateShoppingList, cosecapi.OutcomeTimedOut)
	assert.GreaterOrEqual(t, timedOut.At.Sub(sent.At), shortStep, "not before the deadline")
}

// TestALateReplyAfterATimeoutIsIgnored has the depot answer CreateShoppingList
// successfully only after the saga timed the step out: the answer is sent
// just before the CancelShoppingList reply, so the saga sees it while
// compensating. It must not move the saga forward.
func TestALateReplyAfterATimeoutIsIgnored(t *testing.T) {
	t.Parallel()
	m := startCosec(t, shortStep)
	p := m.play(t, map[string]answer{
		cosecapi.StepCreateShoppingList: silent,
		cosecapi.StepCancelShoppingList: func(p *participants, cancel msg.Envelope) *command.Reply {
			create := p.commands()[1]
			late := succeed(p, create)
			p.reply(create, *late)
			return succeed(p, cancel)
		},
	})
	o := newOrder()

	m.createOrder(t, o, "checkout-"+msg.NewID())
	cmds := p.await(t, 4)

	require.Equal(t, []string{cosecapi.StepAuthorizeCustomer, cosecapi.StepCreateShoppingList,
		cosecapi.StepCancelShoppingList, cosecapi.StepRejectOrder}, names(cmds), "no ConfirmPayment, ever")
	saga := m.ended(t, o.ID)
	assert.Equal(t, cosecapi.StatusFailed, saga.Status)
	assert.Empty(t, saga.ShoppingListID, "the late result is not taken")
	assert.Equal(t, []string{
		"AuthorizeCustomer:sent", "AuthorizeCustomer:succeeded", "CreateShoppingList:sent",
		"CreateShoppingList:timed_out", "CancelShoppingList:sent", "CreateShoppingList:stale",
		"CancelShoppingList:succeeded", "RejectOrder:sent", "RejectOrder:succeeded",
	}, steps(saga))
	stale, _ := record(saga, cosecapi.StepCreateShoppingList, cosecapi.OutcomeStale)
	assert.Equal(t, "late succeeded reply ignored", stale.Reason)
}

func TestAReplyAfterTheSagaEndedIsRecordedOnly(t *testing.T) {
	t.Parallel()
	m := startCosec(t, 0)
	p := m.play(t, nil)
	o := newOrder()
	m.createOrder(t, o, "checkout-"+msg.NewID())
	cmds := p.await(t, len(forward))
	m.ended(t, o.ID)

	p.reply(cmds[4], command.Reply{Command: cmds[4].Name, Outcome: command.Failed, Reason: "said twice"})

	saga := m.sagaWhen(t, o.ID, func(s cosecapi.Saga) bool { return len(s.History) == 11 })
	assert.Equal(t, cosecapi.StatusSucceeded, saga.Status)
	assert.Equal(t, cosecapi.StepRecord{Step: cosecapi.StepApproveOrder, Outcome: cosecapi.OutcomeStale,
		Reason: "late failed reply ignored", At: saga.UpdatedAt}, saga.History[10])
	p.await(t, len(forward))
}

// TestAnUnansweredCompensationIsSentAgainThenGivenUp: ordering never answers
// RejectOrder; the saga sends it three times in all, a step timeout apart,
// then fails with a reason that says so.
func TestAnUnansweredCompensationIsSentAgainThenGivenUp(t *testing.T) {
	t.Parallel()
	m := startCosec(t, shortStep)
	p := m.play(t, map[string]answer{
		cosecapi.StepAuthorizeCustomer: fail("customer is disabled"),
		cosecapi.StepRejectOrder:       silent,
	})
	o := newOrder()

	m.createOrder(t, o, "checkout-"+msg.NewID())
	saga := m.ended(t, o.ID)
	cmds := p.await(t, 4)

	assert.Equal(t, []string{cosecapi.StepAuthorizeCustomer, cosecapi.StepRejectOrder,
		cosecapi.StepRejectOrder, cosecapi.StepRejectOrder}, names(cmds))
	ids := map[string]bool{}
	for _, cmd := range cmds[1:] {
		assert.JSONEq(t, string(cmds[1].Payload), string(cmd.Payload), "the same command again")
		ids[cmd.ID] = true
	}
	assert.Len(t, ids, 3, "a new message each time")
	assert.Equal(t, cosecapi.StatusFailed, saga.Status)
	assert.Equal(t, "AuthorizeCustomer failed: customer is disabled; RejectOrder unanswered after 3 sends",
		saga.FailureReason)
	var reject orderingapi.RejectOrder
	require.NoError(t, json.Unmarshal(cmds[3].Payload, &reject))
	assert.Equal(t, "AuthorizeCustomer failed: customer is disabled", reject.Reason)
}
