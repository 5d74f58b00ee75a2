package smsprovider

import "time"

// HeaderIdempotencyKey names the header that carries a send's idempotency key.
const HeaderIdempotencyKey = "Idempotency-Key"

// SendMessageRequest is the body of POST /v1/messages.
type SendMessageRequest struct {
	To   string `json:"to"`
	Body string `json:"body"`
}

// Message is one SMS the provider received.
type Message struct {
	ID             string    `json:"id"`
	To             string    `json:"to"`
	Body           string    `json:"body"`
	IdempotencyKey string    `json:"idempotencyKey"`
	ReceivedAt     time.Time `json:"receivedAt"`
	// Status is "accepted" for every message this stand-in answers.
	Status string `json:"status"`
}

// MessageList is the body of GET /v1/messages.
type MessageList struct {
	Messages []Message `json:"messages"`
}

// Fault modes.
const (
	ModeFail = "fail"
	ModeSlow = "slow"
	ModeDrop = "drop"
	// ModeNone is what FaultStatus shows when no fault is in force.
	ModeNone = "none"
)

// Fault is the body of PUT /v1/admin/faults.
type Fault struct {
	Mode string `json:"mode"`
	// Count is how many sends the fault affects; 0 keeps it until cleared.
	Count int `json:"count"`
	// DelayMs is how long a slow send waits; slow mode only.
	DelayMs int `json:"delayMs,omitempty"`
	// Every makes the fault hit one send in Every (2: every second send,
	// half of them); 0 or 1: every send. Sends it skips do not count.
	Every int `json:"every,omitempty"`
	// To limits the fault to sends to this number, so that tests running at
	// the same time can each break their own recipient; empty means every send.
	To string `json:"to,omitempty"`
}

// FaultStatus is the fault in force.
type FaultStatus struct {
	Mode    string `json:"mode"`
	DelayMs int    `json:"delayMs,omitempty"`
	Every   int    `json:"every,omitempty"`
	// Remaining is how many more sends the fault affects; 0 with a mode
	// other than none means until cleared.
	Remaining int `json:"remaining"`
}

// ErrorBody is the body of every 4xx and 5xx answer.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail says what went wrong; Code is stable, Message is for people.
type ErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Error codes.
const (
	CodeInvalidRequest     = "invalid_request"
	CodeUnsupportedMedia   = "unsupported_media_type"
	CodeTooLarge           = "payload_too_large"
	CodeNotFound           = "not_found"
	CodeMethodNotAllowed   = "method_not_allowed"
	CodeServiceUnavailable = "service_unavailable"
)

// Limits on what a send may carry.
const (
	MaxBodyBytes     = 64 << 10
	MaxMessageLength = 1600
	MaxKeyLength     = 255
	MaxDelayMs       = 60_000
	MaxFaultCount    = 1_000_000
)
