package domain

import (
	"slices"

	"github.com/mallbots/mallbots/system/cosec/cosecapi"
)

// forward is the order of the saga's forward steps.
var forward = []string{
	cosecapi.StepAuthorizeCustomer,
	cosecapi.StepCreateShoppingList,
	cosecapi.StepConfirmPayment,
	cosecapi.StepInitiateShopping,
	cosecapi.StepApproveOrder,
}

// compensations maps a forward step to the step that undoes it. A step
// missing here has nothing to undo (authorizing, confirming a payment that
// no order will use, making a list available that the cancel withdraws).
var compensations = map[string]string{
	cosecapi.StepCreateShoppingList: cosecapi.StepCancelShoppingList,
}

// nextForward returns the forward step after step, or "" after the last.
func nextForward(step string) string {
	i := slices.Index(forward, step)
	if i < 0 || i == len(forward)-1 {
		return ""
	}
	return forward[i+1]
}

// compensationPlan returns the steps that undo a saga that failed at step:
// the compensations of the steps done before it, last first, then
// RejectOrder. With undoFailed the failed step's own compensation is
// included: a step that timed out may still have had its effect.
func compensationPlan(step string, undoFailed bool) []string {
	done := forward[:max(slices.Index(forward, step), 0)]
	if undoFailed {
		done = forward[:slices.Index(forward, step)+1]
	}
	var plan []string
	for _, s := range slices.Backward(done) {
		if c, ok := compensations[s]; ok {
			plan = append(plan, c)
		}
	}
	return append(plan, cosecapi.StepRejectOrder)
}
