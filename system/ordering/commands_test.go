package ordering_test

import (
	"strings"
	"testing"

	"github.com/mallbots/mallbots/internal/systest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
)

type commandCase struct {
	name    string
	from    orderingapi.Status // "" for an unknown order
	listID  string
	outcome string
	reason  string // %s is the order id
	after   orderingapi.Status
}

func TestApproveOrder(t *testing.T) {
	t.Parallel()
	m := startOrdering(t)
	tests := []commandCase{
		{"pending order", orderingapi.StatusPending, "list-1", command.Succeeded, "", orderingapi.StatusApproved},
		{"approved order", orderingapi.StatusApproved, "list-1", command.Failed,
			"order %s is approved; it cannot be approved", orderingapi.StatusApproved},
		{"ready order", orderingapi.StatusReady, "list-1", command.Failed,
			"order %s is ready; it cannot be approved", orderingapi.StatusReady},
		{"cancelled order", orderingapi.StatusCanceled, "list-1", command.Failed,
			"order %s is cancelled; it cannot be approved", orderingapi.StatusCanceled},
		{"rejected order", orderingapi.StatusRejected, "list-1", command.Failed,
			"order %s is rejected; it cannot be approved", orderingapi.StatusRejected},
		{"no shopping list", orderingapi.StatusPending, "", command.Failed,
			"shoppingListId must not be empty", orderingapi.StatusPending},
		{"unknown order", "", "list-1", command.Failed, `order "%s" not found`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx := testContext(t)
			id := m.orderFor(t, tt.from)
			cmd, got, reply := m.send(t, ctx, orderingapi.ApproveOrderCommand,
				orderingapi.ApproveOrder{OrderID: id, ShoppingListID: tt.listID})
			assertReply(t, cmd, got, reply, orderingapi.ApproveOrderCommand, tt, id)
			if tt.outcome == command.Succeeded {
				var o orderingapi.Order
				require.NoError(t, reply.Decode(&o))
				assert.Equal(t, tt.listID, o.ShoppingListID, "the approved order records its shopping list")
				t.Logf("ApproveOrder: %s\nreply: %s", systest.MustJSON(t, cmd), systest.MustJSON(t, got))
			}
			if tt.from != "" {
				assert.Equal(t, tt.after, m.awaitStatus(t, ctx, id, tt.after).Status)
			}
		})
	}
}

func TestRejectOrder(t *testing.T) {
	t.Parallel()
	m := startOrdering(t)
	tests := []commandCase{
		{"pending order", orderingapi.StatusPending, "", command.Succeeded, "", orderingapi.StatusRejected},
		{"rejected order again", orderingapi.StatusRejected, "", command.Succeeded, "", orderingapi.StatusRejected},
		{"cancelled order", orderingapi.StatusCanceled, "", command.Succeeded, "", orderingapi.StatusCanceled},
		// ApproveOrder arrived after the saga's deadline: the saga cancelled
		// the list and rejects the order, which must not stay approved.
		{"approved order", orderingapi.StatusApproved, "", command.Succeeded, "", orderingapi.StatusRejected},
		{"ready order", orderingapi.StatusReady, "", command.Failed,
			"order %s is ready; it cannot be rejected", orderingapi.StatusReady},
		{"completed order", orderingapi.StatusCompleted, "", command.Failed,
			"order %s is completed; it cannot be rejected", orderingapi.StatusCompleted},
		{"unknown order", "", "", command.Failed, `order "%s" not found`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx := testContext(t)
			id := m.orderFor(t, tt.from)
			cmd, got, reply := m.send(t, ctx, orderingapi.RejectOrderCommand,
				orderingapi.RejectOrder{OrderID: id, Reason: "payment declined"})
			assertReply(t, cmd, got, reply, orderingapi.RejectOrderCommand, tt, id)
			if tt.from == "" {
				return
			}
			o := m.awaitStatus(t, ctx, id, tt.after)
			if tt.from == orderingapi.StatusPending {
				assert.Equal(t, "payment declined", o.Reason)
				t.Logf("RejectOrder: %s\nreply: %s", systest.MustJSON(t, cmd), systest.MustJSON(t, got))
			}
		})
	}
}

// TestRejectingTwicePublishesOnce proves that a repeated RejectOrder is a
// success without a second OrderRejected: the next event of the order is
// the barrier's, not another rejection. No ack needs awaiting before the
// barrier: each reply is written in its command's transaction and read
// before anything else is sent.
func TestRejectingTwicePublishesOnce(t *testing.T) {
	t.Parallel()
	m := startOrdering(t)
	ctx := testContext(t)
	rejected := systest.ReadWire(t, m.env.NATS.URL(), orderingapi.Subject("OrderRejected"))
	o := m.orderIn(t, ctx, orderingapi.StatusPending)
	for range 2 {
		_, _, reply := m.send(t, ctx, orderingapi.RejectOrderCommand, orderingapi.RejectOrder{OrderID: o.ID, Reason: "no stock"})
		require.Equal(t, command.Succeeded, reply.Outcome)
	}
	barrier := m.orderIn(t, ctx, orderingapi.StatusRejected)
	first := rejected.Next(t)
	assert.Equal(t, o.ID, first.AggregateID)
	assert.Equal(t, 2, first.AggregateVersion)
	t.Logf("OrderRejected on the wire: %s", systest.MustJSON(t, first))
	assert.Equal(t, barrier.ID, rejected.Next(t).AggregateID, "no second rejection of the first order")
}

// orderFor returns the id of a new order in status, or of no order at all.
func (m *mall) orderFor(t testing.TB, status orderingapi.Status) string {
	t.Helper()
	if status == "" {
		return msg.NewID()
	}
	return m.orderIn(t, testContext(t), status).ID
}

func assertReply(t *testing.T, cmd, got msg.Envelope, reply command.Reply, name string, tt commandCase, id string) {
	t.Helper()
	assert.Equal(t, command.ReplyName(name), got.Name)
	assert.Equal(t, cmd.Header(command.HeaderSagaID), got.Header(command.HeaderSagaID), "the saga id comes back")
	assert.Equal(t, name, got.Header(command.HeaderSagaStep), "the saga step comes back")
	assert.Empty(t, got.Header(command.HeaderReplyTo), "a reply is not itself a command")
	assert.Equal(t, cmd.CorrelationID, got.CorrelationID)
	assert.Equal(t, cmd.ID, got.CausationID, "the reply is caused by the command")
	assert.Equal(t, name, reply.Command)
	assert.Equal(t, tt.outcome, reply.Outcome, reply.Reason)
	assert.Equal(t, strings.ReplaceAll(tt.reason, "%s", id), reply.Reason)
}
