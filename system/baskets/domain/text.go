package domain

import (
	"unicode"
	"unicode/utf8"

	"github.com/mallbots/mallbots/system/platform/apperr"
)

// MaxIDLength bounds every id a client sends.
const MaxIDLength = 128

// checkText requires a non-empty, printable id of at most MaxIDLength bytes.
// Control characters (NUL above all, which Postgres text and jsonb refuse)
// would otherwise surface as internal errors far from the request.
func checkText(c *apperr.Check, field, value string) {
	switch {
	case value == "":
		c.Require(false, field, "must not be empty")
	case len(value) > MaxIDLength:
		c.Require(false, field, "must be at most 128 bytes")
	case !Printable(value):
		c.Require(false, field, "must be printable text without control characters")
	}
}

// Printable reports whether s is valid UTF-8 without control characters.
func Printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return false
		}
	}
	return true
}
