package domain

import "errors"

// Errors of input no retry can fix; the consumers dead-letter them.
var (
	// ErrInvalidOrder is an OrderCreated the saga cannot start from.
	ErrInvalidOrder = errors.New("invalid order")
	// ErrUnknownSaga is a reply for an order that has no saga.
	ErrUnknownSaga = errors.New("unknown saga")
	// ErrMalformedReply is a reply that breaks its command's contract.
	ErrMalformedReply = errors.New("malformed reply")
)
