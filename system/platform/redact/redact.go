package redact

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// Mask replaces every secret.
const Mask = "REDACTED"

// secretWords make a header or parameter secret when its name contains one.
var secretWords = []string{"authorization", "cookie", "token", "secret", "key", "password", "passwd", "credential"}

// SecretName reports whether a header or query parameter called name
// carries a secret.
func SecretName(name string) bool {
	name = strings.ToLower(name)
	for _, w := range secretWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// Header returns a copy of h with the value of every secret header masked;
// nil for nil.
func Header(h http.Header) http.Header {
	if h == nil {
		return nil
	}
	out := h.Clone()
	for name := range out {
		if SecretName(name) {
			out[name] = []string{Mask}
		}
	}
	return out
}

// URL masks the password of a URL's user info and the values of its secret
// query parameters; it works on a path with a query too. Anything else is
// returned as it is, unless it is no URL at all: then it goes through Text.
func URL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme == "" && !strings.HasPrefix(raw, "/")) {
		return Text(raw)
	}
	changed := false
	if _, has := u.User.Password(); has {
		u.User, changed = url.UserPassword(u.User.Username(), Mask), true
	}
	if q, ok := query(u.RawQuery); ok {
		u.RawQuery, changed = q, true
	}
	if !changed {
		return raw
	}
	return u.String()
}

// query masks the secret parameters of a raw query, keeping their order and
// spelling; ok is false when none is secret.
func query(raw string) (string, bool) {
	if raw == "" {
		return raw, false
	}
	parts := strings.Split(raw, "&")
	ok := false
	for i, p := range parts {
		name, _, _ := strings.Cut(p, "=")
		if n, err := url.QueryUnescape(name); err == nil && SecretName(n) {
			parts[i], ok = name+"="+Mask, true
		}
	}
	return strings.Join(parts, "&"), ok
}

// A value as written in free text: quoted, in brackets (a Go header map),
// or bare.
const (
	quoted = `"(?:[^"\\]|\\.)*"|'[^']*'|\[[^\]]*\]`
	// secretField names a field whose value is a secret in free text: a
	// bare "key" is too common in logs to mask, an API key is not.
	secretField = `[\w-]*(?:password|passwd|secret|token|api[_-]?key|credential)[\w-]*|authorization|cookie|set-cookie|x-api-key`
)

var (
	// userinfo is the password of a URL: scheme://user:password@.
	userinfo = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.-]*://[^\s:/@"'<>]*:)[^\s/@"'<>]*@`)
	// assigned is name=value: libpq's key/value DSN, slog's text output,
	// a query string.
	assigned = regexp.MustCompile(`(?i)\b(` + secretField + `)("?\s*=\s*)(` + quoted + `|[^\s&;,"']+)`)
	// labelled is name: value: a header line (the value is the rest of the
	// line), a JSON or YAML field.
	labelled = regexp.MustCompile(`(?i)\b(` + secretField + `)("?\s*:[ \t]*)(` + quoted + `|[^\s"][^\r\n"]*)`)
	// sqlPassword is SQL's PASSWORD 'secret', as a server log may quote it.
	sqlPassword = regexp.MustCompile(`(?i)\b(password\s+)'(?:[^']|'')*'`)
)

// Text masks the secrets it recognises in free text (a log line, an error,
// a body): URL passwords, name=value and name: value pairs whose name is
// secret, header lines such as "Authorization: Bearer abc", and SQL's
// PASSWORD '...'.
func Text(s string) string {
	if s == "" {
		return s
	}
	s = userinfo.ReplaceAllString(s, "${1}"+Mask+"@")
	s = maskValues(assigned, s)
	s = maskValues(labelled, s)
	return sqlPassword.ReplaceAllString(s, "${1}'"+Mask+"'")
}

// delimiters are the opening characters of a quoted value and their closing ones.
var delimiters = map[byte]byte{'"': '"', '\'': '\'', '[': ']'}

// maskValues masks the value (the third group) of every match of re,
// keeping the quotes or brackets around it, so that masking is idempotent.
func maskValues(re *regexp.Regexp, s string) string {
	return re.ReplaceAllStringFunc(s, func(m string) string {
		sub := re.FindStringSubmatch(m)
		v := sub[3]
		if closing, ok := delimiters[v[0]]; ok && len(v) > 1 && v[len(v)-1] == closing {
			return sub[1] + sub[2] + v[:1] + Mask + v[len(v)-1:]
		}
		return sub[1] + sub[2] + Mask
	})
}

// Lines masks each of lines with Text, in place, and returns them.
func Lines(lines []string) []string {
	for i, l := range lines {
		lines[i] = Text(l)
	}
	return lines
}
