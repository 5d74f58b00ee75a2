package domain

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mallbots/mallbots/system/platform/apperr"
)

// MaxIDLength bounds every id a client or another context sends, in bytes.
const MaxIDLength = 128

// checkID requires a non-empty, printable id of at most MaxIDLength bytes.
// NUL and invalid UTF-8 cannot be stored in Postgres text, so they are
// refused here rather than failing there.
func checkID(c *apperr.Check, field, value string) {
	switch {
	case value == "":
		c.Require(false, field, "must not be empty")
	case len(value) > MaxIDLength:
		c.Require(false, field, fmt.Sprintf("must be at most %d bytes", MaxIDLength))
	case !Printable(value):
		c.Require(false, field, "must be printable text without control characters")
	}
}

// Printable reports whether s is valid UTF-8 without control characters.
func Printable(s string) bool {
	return utf8.ValidString(s) && strings.IndexFunc(s, unicode.IsControl) < 0
}
