package domain

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mallbots/mallbots/system/platform/apperr"
)

// Bounds on the text an order holds.
const (
	// MaxIDLength bounds the basket, customer and payment ids, in bytes.
	MaxIDLength = 128
	// MaxReasonLength bounds why an order was rejected or cancelled, in characters.
	MaxReasonLength = 500
)

// checkText requires a non-empty, printable id of at most MaxIDLength bytes.
func checkText(c *apperr.Check, field, value string) {
	switch {
	case value == "":
		c.Require(false, field, "must not be empty")
	case len(value) > MaxIDLength:
		c.Require(false, field, fmt.Sprintf("must be at most %d bytes", MaxIDLength))
	case !Printable(value):
		c.Require(false, field, "must be printable text without control characters")
	}
}

// CheckReason validates a reason a customer gives: printable and at most
// MaxReasonLength characters. NUL and invalid UTF-8 cannot be stored in
// Postgres jsonb, so they are refused here rather than failing there.
func CheckReason(reason string) error {
	var c apperr.Check
	switch {
	case !Printable(reason):
		c.Require(false, "reason", "must be printable text without control characters")
	case utf8.RuneCountInString(reason) > MaxReasonLength:
		c.Require(false, "reason", fmt.Sprintf("must be at most %d characters", MaxReasonLength))
	}
	return c.Err()
}

// Printable reports whether s is valid UTF-8 without control characters.
func Printable(s string) bool {
	return utf8.ValidString(s) && strings.IndexFunc(s, unicode.IsControl) < 0
}

// clip makes a reason from another context storable: invalid bytes and
// control characters become spaces and it is cut to MaxReasonLength
// characters. A compensation must not fail because its reason is untidy.
func clip(reason string) string {
	reason = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(reason, " "))
	if utf8.RuneCountInString(reason) > MaxReasonLength {
		reason = string([]rune(reason)[:MaxReasonLength])
	}
	return strings.TrimSpace(reason)
}
