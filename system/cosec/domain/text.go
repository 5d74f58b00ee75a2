package domain

import (
	"strings"
	"unicode/utf8"
)

// MaxIDLength bounds the ids the saga accepts and stores.
const MaxIDLength = 200

// maxText bounds a reason or step name taken from a reply.
const maxText = 500

// ValidID reports whether id can name an order or a list: not empty, at
// most MaxIDLength bytes of UTF-8 without control characters. Checking it
// first keeps bytes Postgres cannot store as text (NUL, invalid UTF-8) away
// from SQL.
func ValidID(id string) bool {
	return id != "" && len(id) <= MaxIDLength && utf8.ValidString(id) &&
		strings.IndexFunc(id, func(r rune) bool { return r < 0x20 || r == 0x7f }) < 0
}

// Text makes a string from another party storable and bounded: invalid
// UTF-8 and NUL become U+FFFD, and it is cut to maxText bytes on a rune
// boundary.
func Text(s string) string {
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
	if len(s) <= maxText {
		return s
	}
	cut := maxText
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
