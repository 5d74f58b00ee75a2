package domain_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/cosec/domain"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
)

var (
	t0    = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	coord = domain.Coordinator{StepTimeout: time.Second, MaxSends: 3}
	order = orderingapi.Order{ID: "order-1", CustomerID: "customer-1", PaymentID: "payment-1",
		TotalCents: 4200, Status: orderingapi.StatusPending,
		Items: []orderingapi.Item{{ProductID: "p-1", ProductName: "Saw", StoreID: "s-1", PriceCents: 2100, Quantity: 2}}}
	listResult = json.RawMessage(`{"shoppingListId":"list-1"}`)
)

// run drives one saga and keeps every command it sent, in order.
type run struct {
	t    *testing.T
	saga *domain.Saga
	now  time.Time
	sent []domain.Command
	end  domain.Event
}

func start(t *testing.T) *run {
	t.Helper()
	s, e, err := coord.Start(order, "corr-1", t0)
	require.NoError(t, err)
	r := &run{t: t, saga: s, now: t0}
	r.take(e)
	return r
}

func (r *run) take(e domain.Effects) {
	r.sent = append(r.sent, e.Commands...)
	if e.Ended != nil {
		require.Nil(r.t, r.end, "a saga ends once")
		r.end = e.Ended
	}
}

// reply answers the current step.
func (r *run) reply(outcome, reason string, result json.RawMessage) {
	r.t.Helper()
	r.now = r.now.Add(10 * time.Millisecond)
	e, err := coord.OnReply(r.saga, domain.Reply{Step: r.saga.State.CurrentStep, Outcome: outcome,
		Reason: reason, Result: result}, r.now)
	require.NoError(r.t, err)
	r.take(e)
}

func (r *run) succeed() {
	r.t.Helper()
	var result json.RawMessage
	if r.saga.State.CurrentStep == cosecapi.StepCreateShoppingList {
		result = listResult
	}
	r.reply(domain.ReplySucceeded, "", result)
}

// expire lets the current step's deadline pass.
func (r *run) expire() {
	r.now = r.saga.State.Deadline
	r.take(coord.OnDeadline(r.saga, r.now))
}

func (r *run) steps() []string {
	var steps []string
	for _, c := range r.sent {
		steps = append(steps, c.Step)
	}
	return steps
}

func (r *run) outcomes() []string {
	var out []string
	for _, h := range r.saga.State.History {
		out = append(out, h.Step+":"+h.Outcome)
	}
	return out
}

const (
	authorize, create, confirm  = cosecapi.StepAuthorizeCustomer, cosecapi.StepCreateShoppingList, cosecapi.StepConfirmPayment
	initiate, approve           = cosecapi.StepInitiateShopping, cosecapi.StepApproveOrder
	cancelList, reject          = cosecapi.StepCancelShoppingList, cosecapi.StepRejectOrder
	succeeded, failed, timedOut = domain.ReplySucceeded, domain.ReplyFailed, cosecapi.OutcomeTimedOut
)

func TestHappyPathSendsEveryStepAndCompletes(t *testing.T) {
	r := start(t)
	for !r.saga.Ended() {
		r.succeed()
	}
	assert.Equal(t, []string{authorize, create, confirm, initiate, approve}, r.steps())
	assert.Equal(t, paymentsapi.ConfirmPayment{PaymentID: "payment-1", CustomerID: "customer-1",
		OrderID: "order-1", AmountCents: 4200}, r.sent[2].Payload)
	assert.Equal(t, depotapi.CreateShoppingList{OrderID: "order-1", Items: []depotapi.OrderItem{
		{ProductID: "p-1", ProductName: "Saw", StoreID: "s-1", Quantity: 2}}}, r.sent[1].Payload)
	assert.Equal(t, orderingapi.ApproveOrder{OrderID: "order-1", ShoppingListID: "list-1"}, r.sent[4].Payload)
	assert.Equal(t, cosecapi.StatusSucceeded, r.saga.State.Status)
	assert.Empty(t, r.saga.State.CurrentStep)
	assert.True(t, r.saga.State.Deadline.IsZero())
	require.IsType(t, cosecapi.CreateOrderSagaCompleted{}, r.end)
	assert.Equal(t, r.saga.State, r.end.(cosecapi.CreateOrderSagaCompleted).Saga)
}

func TestAFailedStepWalksBackItsCompensations(t *testing.T) {
	tests := []struct {
		failAt string
		want   []string
	}{
		{authorize, []string{authorize, reject}},
		{create, []string{authorize, create, reject}},
		{confirm, []string{authorize, create, confirm, cancelList, reject}},
		{initiate, []string{authorize, create, confirm, initiate, cancelList, reject}},
		{approve, []string{authorize, create, confirm, initiate, approve, cancelList, reject}},
	}
	for _, tt := range tests {
		t.Run(tt.failAt, func(t *testing.T) {
			r := start(t)
			for r.saga.State.CurrentStep != tt.failAt {
				r.succeed()
			}
			r.reply(failed, "no way", nil)
			assert.Equal(t, cosecapi.StatusCompensating, r.saga.State.Status)
			for !r.saga.Ended() {
				r.succeed()
			}
			assert.Equal(t, tt.want, r.steps())
			assert.Equal(t, cosecapi.StatusFailed, r.saga.State.Status)
			assert.Equal(t, tt.failAt+" failed: no way", r.saga.State.FailureReason)
			assert.Equal(t, orderingapi.RejectOrder{OrderID: "order-1", Reason: tt.failAt + " failed: no way"},
				r.sent[len(r.sent)-1].Payload)
			require.IsType(t, cosecapi.CreateOrderSagaFailed{}, r.end)
		})
	}
}

func TestAFailedCompensationIsRecordedAndTheWalkGoesOn(t *testing.T) {
	r := start(t)
	for r.saga.State.CurrentStep != confirm {
		r.succeed()
	}
	r.reply(failed, "amount differs", nil)
	r.reply(failed, "depot says no", nil)
	r.reply(failed, "order cancelled", nil)
	assert.Equal(t, []string{authorize, create, confirm, cancelList, reject}, r.steps())
	assert.Equal(t, cosecapi.StatusFailed, r.saga.State.Status)
	assert.Contains(t, r.outcomes(), cancelList+":"+failed)
	assert.Contains(t, r.outcomes(), reject+":"+failed)
}

func TestATimedOutForwardStepIsCompensatedToo(t *testing.T) {
	r := start(t)
	r.succeed()
	r.expire()
	assert.Equal(t, "CreateShoppingList timed out", r.saga.State.FailureReason)
	r.succeed()
	r.succeed()
	assert.Equal(t, []string{authorize, create, cancelList, reject}, r.steps())
	assert.Contains(t, r.outcomes(), create+":"+timedOut)
	assert.Equal(t, cosecapi.StatusFailed, r.saga.State.Status)
}

func TestATimedOutCompensationIsSentAgainThenGivenUp(t *testing.T) {
	r := start(t)
	r.reply(failed, "disabled", nil)
	r.expire()
	r.expire()
	assert.False(t, r.saga.Ended(), "two sends of three")
	r.expire()
	assert.Equal(t, []string{authorize, reject, reject, reject}, r.steps())
	assert.Equal(t, cosecapi.StatusFailed, r.saga.State.Status)
	assert.Equal(t, "AuthorizeCustomer failed: disabled; RejectOrder unanswered after 3 sends",
		r.saga.State.FailureReason)
}

func TestAGivenUpCancelStillRejectsTheOrder(t *testing.T) {
	r := start(t)
	r.succeed()
	r.succeed()
	r.reply(failed, "amount differs", nil)
	for range 3 {
		r.expire()
	}
	require.Equal(t, reject, r.saga.State.CurrentStep)
	r.succeed()
	assert.Equal(t, []string{authorize, create, confirm, cancelList, cancelList, cancelList, reject}, r.steps())
	assert.Equal(t, cosecapi.StatusFailed, r.saga.State.Status)
}

func TestAStaleReplyIsRecordedAndChangesNothing(t *testing.T) {
	r := start(t)
	r.succeed()
	r.expire()
	before := r.saga.State
	e, err := coord.OnReply(r.saga, domain.Reply{Step: create, Outcome: succeeded, Result: listResult}, r.now)
	require.NoError(t, err)
	assert.Empty(t, e.Commands)
	assert.Nil(t, e.Ended)
	assert.Equal(t, before.CurrentStep, r.saga.State.CurrentStep)
	assert.Empty(t, r.saga.State.ShoppingListID)
	last := r.saga.State.History[len(r.saga.State.History)-1]
	assert.Equal(t, cosecapi.StepRecord{Step: create, Outcome: cosecapi.OutcomeStale,
		Reason: "late succeeded reply ignored", At: r.now}, last)
}

func TestARepliedEndedSagaStaysEnded(t *testing.T) {
	r := start(t)
	r.reply(failed, "disabled", nil)
	r.succeed()
	require.True(t, r.saga.Ended())
	e, err := coord.OnReply(r.saga, domain.Reply{Step: reject, Outcome: succeeded}, r.now)
	require.NoError(t, err)
	assert.Empty(t, e.Commands)
	assert.Equal(t, cosecapi.StatusFailed, r.saga.State.Status)
	assert.Empty(t, coord.OnDeadline(r.saga, r.now.Add(time.Hour)).Commands)
}

func TestADeadlineNotYetPassedDoesNothing(t *testing.T) {
	r := start(t)
	e := coord.OnDeadline(r.saga, r.saga.State.Deadline.Add(-time.Nanosecond))
	assert.Empty(t, e.Commands)
	assert.Equal(t, authorize, r.saga.State.CurrentStep)
}

func TestAMalformedReplyIsAnErrorAndChangesNothing(t *testing.T) {
	tests := map[string]domain.Reply{
		"no list id":     {Step: create, Outcome: succeeded},
		"empty list id":  {Step: create, Outcome: succeeded, Result: json.RawMessage(`{"shoppingListId":""}`)},
		"list id as int": {Step: create, Outcome: succeeded, Result: json.RawMessage(`{"shoppingListId":7}`)},
		"NUL in list id": {Step: create, Outcome: succeeded, Result: json.RawMessage(`{"shoppingListId":"a\u0000"}`)},
		"odd outcome":    {Step: create, Outcome: "maybe"},
	}
	for name, reply := range tests {
		t.Run(name, func(t *testing.T) {
			r := start(t)
			r.succeed()
			history := len(r.saga.State.History)
			_, err := coord.OnReply(r.saga, reply, r.now)
			require.ErrorIs(t, err, domain.ErrMalformedReply)
			assert.Len(t, r.saga.State.History, history)
			assert.Equal(t, create, r.saga.State.CurrentStep)
		})
	}
}

func TestAnOrderWithoutAUsableIDStartsNoSaga(t *testing.T) {
	for _, id := range []string{"", "a\x00b", "\xff", string(make([]byte, domain.MaxIDLength+1))} {
		_, _, err := coord.Start(orderingapi.Order{ID: id}, "corr", t0)
		require.ErrorIs(t, err, domain.ErrInvalidOrder, "id %q", id)
	}
}

func TestTextFromOutsideIsStorable(t *testing.T) {
	assert.Equal(t, "a\uFFFDb\uFFFD", domain.Text("a\x00b\xff"))
	long := domain.Text(string(make([]rune, 1000)))
	assert.LessOrEqual(t, len(long), 510)
}
