package domain

import (
	"slices"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
)

// transitions is the order lifecycle: for each status, the statuses an
// order may move to. Completed, rejected and cancelled are final. An
// approved order can still be rejected: when the saga's ApproveOrder timed
// out but arrived, the saga has already cancelled the shopping list and
// rejects the order, which must not stay approved with nothing to shop.
var transitions = map[orderingapi.Status][]orderingapi.Status{
	orderingapi.StatusPending:  {orderingapi.StatusApproved, orderingapi.StatusRejected, orderingapi.StatusCanceled},
	orderingapi.StatusApproved: {orderingapi.StatusReady, orderingapi.StatusRejected, orderingapi.StatusCanceled},
	orderingapi.StatusReady:    {orderingapi.StatusCompleted},
}

// CanMove reports whether an order in status from may move to status to.
func CanMove(from, to orderingapi.Status) bool { return slices.Contains(transitions[from], to) }

// Approve approves a pending order once the saga has succeeded, recording
// its shopping list.
func (o *Order) Approve(shoppingListID string) error {
	var c apperr.Check
	checkText(&c, "shoppingListId", shoppingListID)
	if err := c.Err(); err != nil {
		return err
	}
	next, err := o.moveTo(orderingapi.StatusApproved, "approved")
	if err != nil {
		return err
	}
	next.ShoppingListID = shoppingListID
	return es.Raise(o, orderingapi.OrderApproved{Order: next})
}

// Reject rejects a pending order at the end of a failed saga, or an
// approved one whose approval came after the saga gave up on it. Rejecting a
// rejected order again, or one the customer cancelled meanwhile, changes
// nothing and is no error: the saga's compensation has nothing left to do.
func (o *Order) Reject(reason string) error {
	if o.State.Status == orderingapi.StatusRejected || o.State.Status == orderingapi.StatusCanceled {
		return nil
	}
	next, err := o.moveTo(orderingapi.StatusRejected, "rejected")
	if err != nil {
		return err
	}
	next.Reason = clip(reason)
	return es.Raise(o, orderingapi.OrderRejected{Order: next})
}

// Ready marks an approved order ready for pickup: its shopping is done.
func (o *Order) Ready() error {
	next, err := o.moveTo(orderingapi.StatusReady, "readied")
	if err != nil {
		return err
	}
	return es.Raise(o, orderingapi.OrderReadied{Order: next})
}

// Complete completes a ready order once its invoice is paid.
func (o *Order) Complete() error {
	next, err := o.moveTo(orderingapi.StatusCompleted, "completed")
	if err != nil {
		return err
	}
	return es.Raise(o, orderingapi.OrderCompleted{Order: next})
}

// Cancel cancels an order for the customer, with an optional reason. Only a
// pending or approved order can be cancelled: once ready it is shopped.
func (o *Order) Cancel(reason string) error {
	if err := CheckReason(reason); err != nil {
		return err
	}
	next, err := o.moveTo(orderingapi.StatusCanceled, "cancelled")
	if err != nil {
		return err
	}
	next.Reason = reason
	return es.Raise(o, orderingapi.OrderCanceled{Order: next})
}

// moveTo returns the next state in status to, or a conflict naming the
// current status when the lifecycle forbids the move.
func (o *Order) moveTo(to orderingapi.Status, verb string) (orderingapi.Order, error) {
	if !CanMove(o.State.Status, to) {
		return orderingapi.Order{}, apperr.Conflict("order %s is %s; it cannot be %s",
			o.State.ID, o.State.Status, verb)
	}
	next := o.next()
	next.Status = to
	return next, nil
}
