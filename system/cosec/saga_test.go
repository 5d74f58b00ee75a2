package cosec_test

import (
	"testing"

	"github.com/mallbots/mallbots/internal/systest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func TestHappyPathApprovesTheOrder(t *testing.T) {
	t.Parallel()
	m := startCosec(t, 0)
	p := m.play(t, nil)
	completed := systest.ReadWire(t, m.env.NATS.URL(), cosecapi.Subject("CreateOrderSagaCompleted"))
	o, correlation := newOrder(), "checkout-"+msg.NewID()

	created := m.createOrder(t, o, correlation)
	cmds := p.await(t, len(forward))

	require.Equal(t, forward, names(cmds), "the commands on the wire, in order")
	assert.Equal(t, customersapi.AuthorizeCustomer{CustomerID: o.CustomerID},
		systest.Payload[customersapi.AuthorizeCustomer](t, cmds[0]))
	assert.Equal(t, depotapi.CreateShoppingList{OrderID: o.ID, Items: []depotapi.OrderItem{
		{ProductID: o.Items[0].ProductID, ProductName: "Saw", StoreID: "store-a", Quantity: 2},
		{ProductID: o.Items[1].ProductID, ProductName: "Rake", StoreID: "store-b", Quantity: 1},
	}}, systest.Payload[depotapi.CreateShoppingList](t, cmds[1]))
	assert.Equal(t, paymentsapi.ConfirmPayment{PaymentID: o.PaymentID, CustomerID: o.CustomerID,
		OrderID: o.ID, AmountCents: 3499}, systest.Payload[paymentsapi.ConfirmPayment](t, cmds[2]))
	assert.Equal(t, depotapi.InitiateShopping{OrderID: o.ID}, systest.Payload[depotapi.InitiateShopping](t, cmds[3]))
	assert.Equal(t, orderingapi.ApproveOrder{OrderID: o.ID, ShoppingListID: "list-" + o.ID},
		systest.Payload[orderingapi.ApproveOrder](t, cmds[4]))
	for _, cmd := range cmds {
		assert.Equal(t, correlation, cmd.CorrelationID, "%s carries the order's correlation", cmd.Name)
		assert.Equal(t, o.ID, cmd.Header(command.HeaderSagaID), "%s saga id", cmd.Name)
		assert.Equal(t, cmd.Name, cmd.Header(command.HeaderSagaStep), "%s saga step", cmd.Name)
		assert.Equal(t, cosecapi.ReplySubject, cmd.Header(command.HeaderReplyTo), "%s reply-to", cmd.Name)
	}
	assert.Equal(t, created.ID, cmds[0].CausationID, "OrderCreated causes AuthorizeCustomer")
	assert.Equal(t, customersapi.AuthorizeCustomerSubject, cmds[0].Subject)
	assert.Equal(t, paymentsapi.ConfirmPaymentSubject, cmds[2].Subject)
	assert.Equal(t, orderingapi.ApproveOrderSubject, cmds[4].Subject)

	saga := m.ended(t, o.ID)
	assert.Equal(t, cosecapi.StatusSucceeded, saga.Status)
	assert.Equal(t, "list-"+o.ID, saga.ShoppingListID)
	assert.Empty(t, saga.FailureReason)
	assert.Equal(t, []string{
		"AuthorizeCustomer:sent", "AuthorizeCustomer:succeeded", "CreateShoppingList:sent", "CreateShoppingList:succeeded",
		"ConfirmPayment:sent", "ConfirmPayment:succeeded", "InitiateShopping:sent", "InitiateShopping:succeeded",
		"ApproveOrder:sent", "ApproveOrder:succeeded",
	}, steps(saga))

	ev := completed.Next(t)
	assert.Equal(t, "CreateOrderSagaCompleted", ev.Name)
	assert.Equal(t, correlation, ev.CorrelationID)
	assert.Equal(t, o.ID, ev.AggregateID)
	assert.Equal(t, saga, systest.Payload[cosecapi.CreateOrderSagaCompleted](t, ev).Saga, "the event carries the final saga")
	t.Logf("CreateOrderSagaCompleted on the wire: %s", systest.MustJSON(t, ev))
	t.Logf("ConfirmPayment on the wire: %s", systest.MustJSON(t, cmds[2]))
}

func TestAFailedStepCompensatesAndRejectsTheOrder(t *testing.T) {
	t.Parallel()
	const (
		authorize, create, confirm = cosecapi.StepAuthorizeCustomer, cosecapi.StepCreateShoppingList, cosecapi.StepConfirmPayment
		initiate, approve          = cosecapi.StepInitiateShopping, cosecapi.StepApproveOrder
		cancelList, reject         = cosecapi.StepCancelShoppingList, cosecapi.StepRejectOrder
	)
	tests := []struct {
		name   string
		failAt string
		reason string
		want   []string
	}{
		{"customer rejected", authorize, "customer is disabled", []string{authorize, reject}},
		{"no shopping list", create, "store unknown to the depot", []string{authorize, create, reject}},
		{"payment not confirmed", confirm, "amount differs", []string{authorize, create, confirm, cancelList, reject}},
		{"shopping not initiated", initiate, "list cancelled", []string{authorize, create, confirm, initiate, cancelList, reject}},
		{"order not approved", approve, "order cancelled", []string{authorize, create, confirm, initiate, approve, cancelList, reject}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := startCosec(t, 0)
			p := m.play(t, map[string]answer{tt.failAt: fail(tt.reason)})
			failed := systest.ReadWire(t, m.env.NATS.URL(), cosecapi.Subject("CreateOrderSagaFailed"))
			o, correlation := newOrder(), "checkout-"+msg.NewID()

			m.createOrder(t, o, correlation)
			cmds := p.await(t, len(tt.want))

			require.Equal(t, tt.want, names(cmds))
			wantReason := tt.failAt + " failed: " + tt.reason
			assert.Equal(t, orderingapi.RejectOrder{OrderID: o.ID, Reason: wantReason},
				systest.Payload[orderingapi.RejectOrder](t, cmds[len(cmds)-1]))
			if len(cmds) > 2 && cmds[len(cmds)-2].Name == cancelList {
				assert.Equal(t, depotapi.CancelShoppingList{OrderID: o.ID},
					systest.Payload[depotapi.CancelShoppingList](t, cmds[len(cmds)-2]))
			}
			for _, cmd := range cmds {
				assert.Equal(t, correlation, cmd.CorrelationID, "%s correlation", cmd.Name)
			}
			saga := m.ended(t, o.ID)
			assert.Equal(t, cosecapi.StatusFailed, saga.Status)
			assert.Equal(t, wantReason, saga.FailureReason)
			rec, ok := record(saga, tt.failAt, cosecapi.OutcomeFailed)
			require.True(t, ok, "history %v", steps(saga))
			assert.Equal(t, tt.reason, rec.Reason, "the participant's reason is in the history")

			ev := failed.Next(t)
			assert.Equal(t, correlation, ev.CorrelationID)
			assert.Equal(t, saga, systest.Payload[cosecapi.CreateOrderSagaFailed](t, ev).Saga)
			if tt.failAt == confirm {
				t.Logf("CreateOrderSagaFailed on the wire: %s", systest.MustJSON(t, ev))
			}
		})
	}
}

func TestAFailedCompensationIsRecordedAndTheOrderStillRejected(t *testing.T) {
	t.Parallel()
	m := startCosec(t, 0)
	p := m.play(t, map[string]answer{
		cosecapi.StepConfirmPayment:     fail("payment unknown"),
		cosecapi.StepCancelShoppingList: fail("list already completed"),
	})
	o := newOrder()

	m.createOrder(t, o, "checkout-"+msg.NewID())
	cmds := p.await(t, 5)

	assert.Equal(t, []string{cosecapi.StepAuthorizeCustomer, cosecapi.StepCreateShoppingList,
		cosecapi.StepConfirmPayment, cosecapi.StepCancelShoppingList, cosecapi.StepRejectOrder}, names(cmds))
	saga := m.ended(t, o.ID)
	assert.Equal(t, cosecapi.StatusFailed, saga.Status)
	assert.Contains(t, steps(saga), "CancelShoppingList:failed")
	assert.Equal(t, "ConfirmPayment failed: payment unknown", saga.FailureReason)
}

// record returns the first record of a step's outcome in a saga's history.
func record(s cosecapi.Saga, step, outcome string) (cosecapi.StepRecord, bool) {
	for _, h := range s.History {
		if h.Step == step && h.Outcome == outcome {
			return h, true
		}
	}
	return cosecapi.StepRecord{}, false
}
