// Package notificationsapi is the public face of the notifications context:
// the SMS it sends customers about their orders, as its REST API shows them.
package notificationsapi

import "time"

// Context is the bounded context's name.
const Context = "notifications"

// Kinds of notification, one per notifying order event.
const (
	KindOrderCreated   = "order_created"
	KindOrderReady     = "order_ready"
	KindOrderCanceled  = "order_cancelled"
	KindOrderCompleted = "order_completed"
)

// SMS statuses.
const (
	StatusPending = "pending"
	StatusSent    = "sent"
	// StatusFailed is an SMS the provider refused for good (an invalid
	// number, say); it is not tried again.
	StatusFailed = "failed"
)

// Notification is one SMS to a customer and what happened to it.
type Notification struct {
	IdempotencyKey string     `json:"idempotencyKey"`
	CustomerID     string     `json:"customerId"`
	OrderID        string     `json:"orderId"`
	Kind           string     `json:"kind"`
	To             string     `json:"to"`
	Body           string     `json:"body"`
	Status         string     `json:"status"`
	Attempts       int        `json:"attempts"`
	LastError      string     `json:"lastError,omitempty"`
	RequestedAt    time.Time  `json:"requestedAt"`
	SentAt         *time.Time `json:"sentAt,omitempty"`
	// NextAttemptAt is when a pending SMS is tried again after a failure.
	NextAttemptAt *time.Time `json:"nextAttemptAt,omitempty"`
	// ProviderMessageID is the provider's id of the message, once sent.
	ProviderMessageID string `json:"providerMessageId,omitempty"`
}

// NotificationList is the body of GET /api/notifications?customerId=&orderId=.
type NotificationList struct {
	Notifications []Notification `json:"notifications"`
}
