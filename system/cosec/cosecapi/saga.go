package cosecapi

import "time"

// Status is the state of a saga.
type Status string

// Saga statuses: running forward, compensating after a failure, then
// succeeded (order approved) or failed (order rejected).
const (
	StatusRunning      Status = "running"
	StatusCompensating Status = "compensating"
	StatusSucceeded    Status = "succeeded"
	StatusFailed       Status = "failed"
)

// Step names, forward and compensating.
const (
	StepAuthorizeCustomer  = "AuthorizeCustomer"
	StepCreateShoppingList = "CreateShoppingList"
	StepConfirmPayment     = "ConfirmPayment"
	StepInitiateShopping   = "InitiateShopping"
	StepApproveOrder       = "ApproveOrder"
	StepCancelShoppingList = "CancelShoppingList"
	StepRejectOrder        = "RejectOrder"
)

// StepRecord is one step the saga took, with its outcome.
type StepRecord struct {
	Step    string    `json:"step"`
	Outcome string    `json:"outcome"` // sent, succeeded, failed, timed_out
	Reason  string    `json:"reason,omitempty"`
	At      time.Time `json:"at"`
}

// Saga is the persisted state of one create-order saga, keyed by order.
type Saga struct {
	OrderID        string       `json:"orderId"`
	Status         Status       `json:"status"`
	CurrentStep    string       `json:"currentStep"`
	Deadline       time.Time    `json:"deadline"`
	ShoppingListID string       `json:"shoppingListId,omitempty"`
	FailureReason  string       `json:"failureReason,omitempty"`
	History        []StepRecord `json:"history"`
	StartedAt      time.Time    `json:"startedAt"`
	UpdatedAt      time.Time    `json:"updatedAt"`
}

// Saga events, published when a saga ends.
type (
	CreateOrderSagaCompleted struct{ Saga }
	CreateOrderSagaFailed    struct{ Saga }
)

// EventName implementations: the message name on the wire.
func (CreateOrderSagaCompleted) EventName() string { return "CreateOrderSagaCompleted" }
func (CreateOrderSagaFailed) EventName() string    { return "CreateOrderSagaFailed" }
