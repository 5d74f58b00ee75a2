// Package apperr classifies application errors by what the caller did wrong
// (invalid input, unknown id, conflicting state), independent of transport.
// The HTTP layer turns them into problem details; domain code may use them.
package apperr

import (
	"errors"
	"fmt"
)

// Kind is the class of an application error.
type Kind int

// Kinds of errors.
const (
	KindInvalid Kind = iota + 1
	KindNotFound
	KindConflict
)

// FieldError names one invalid field.
type FieldError struct {
	Field  string `json:"field"`
	Reason string `json:"reason"`
}

// Error is a classified application error.
type Error struct {
	Kind   Kind
	Msg    string
	Fields []FieldError
}

func (e *Error) Error() string { return e.Msg }

// Invalid reports invalid input.
func Invalid(format string, args ...any) error {
	return &Error{Kind: KindInvalid, Msg: fmt.Sprintf(format, args...)}
}

// InvalidFields reports invalid input field by field; nil when fields is empty.
func InvalidFields(fields ...FieldError) error {
	if len(fields) == 0 {
		return nil
	}
	return &Error{Kind: KindInvalid, Msg: "the request has invalid fields", Fields: fields}
}

// NotFound reports an unknown id.
func NotFound(what, id string) error {
	return &Error{Kind: KindNotFound, Msg: fmt.Sprintf("%s %q not found", what, id)}
}

// Conflict reports a request that the current state forbids.
func Conflict(format string, args ...any) error {
	return &Error{Kind: KindConflict, Msg: fmt.Sprintf(format, args...)}
}

// As returns the classified error in err's chain.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// Check collects field errors for a validation.
type Check struct{ fields []FieldError }

// Require records reason for field when ok is false.
func (c *Check) Require(ok bool, field, reason string) {
	if !ok {
		c.fields = append(c.fields, FieldError{Field: field, Reason: reason})
	}
}

// Err returns the collected errors, or nil.
func (c *Check) Err() error { return InvalidFields(c.fields...) }
