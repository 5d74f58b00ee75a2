package domain

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mallbots/mallbots/system/platform/apperr"
)

// MaxNameLength bounds a customer's name, in characters.
const MaxNameLength = 200

// smsNumber is an E.164 number: a plus, a country code not starting with 0,
// and 7 to 15 digits in all.
var smsNumber = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

func clean(s string) string { return strings.TrimSpace(s) }

func checkName(c *apperr.Check, name string) {
	switch {
	case name == "":
		c.Require(false, "name", "must not be empty")
	case utf8.RuneCountInString(name) > MaxNameLength:
		c.Require(false, "name", fmt.Sprintf("must be at most %d characters", MaxNameLength))
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		// Control characters have no place in a name, and NUL cannot be
		// stored in Postgres text or jsonb at all.
		c.Require(false, "name", "must not contain control characters")
	}
}

func checkSmsNumber(c *apperr.Check, number string) {
	c.Require(smsNumber.MatchString(number), "smsNumber",
		"must be an E.164 number: + then 7 to 15 digits, e.g. +14155550123")
}
