package domain

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// MaxIDLength bounds every id another context or a client sends.
const MaxIDLength = 128

// MaxNameLength bounds a bot's or a product's name, in characters.
const MaxNameLength = 200

// Printable reports whether s is valid UTF-8 without control characters.
// Postgres text and jsonb cannot hold NUL, so anything that is not
// printable is refused before it reaches SQL.
func Printable(s string) bool {
	return utf8.ValidString(s) && strings.IndexFunc(s, unicode.IsControl) < 0
}

// ValidID reports whether id could be an id: non-empty, short and printable.
func ValidID(id string) bool { return id != "" && len(id) <= MaxIDLength && Printable(id) }

// IsIssuedID reports whether id is a canonical UUID, the only form of id the
// depot issues for lists and bots; anything else cannot be one of them.
func IsIssuedID(id string) bool { return msg.CanonicalID(id) }

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

func checkName(c *apperr.Check, field, value string) {
	switch {
	case strings.TrimSpace(value) == "":
		c.Require(false, field, "must not be empty")
	case utf8.RuneCountInString(value) > MaxNameLength:
		c.Require(false, field, fmt.Sprintf("must be at most %d characters", MaxNameLength))
	case !Printable(value):
		c.Require(false, field, "must be printable text without control characters")
	}
}
