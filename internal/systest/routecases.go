package systest

import (
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/mallbots/mallbots/system/platform/httpx"
)

// Sample is a well-formed request on a route: its path with real ids (and
// its query) and, for a route that takes one, a document it accepts.
type Sample struct {
	Path string
	Body string
}

// wrongMethods are the methods tried on every path that does not take them.
var wrongMethods = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}

// RouteCases returns the requests r must refuse with a 4xx problem, built
// on s, a well-formed request on it: each method its path does not take
// (allowed; 405), unstorable query text (400), bad ids in each wildcard
// (404) and, for a route other than a GET, the DocumentCases.
func RouteCases(r Route, s Sample, allowed []string) []BadRequest {
	var cases []BadRequest
	for _, m := range wrongMethods {
		if !slices.Contains(allowed, m) {
			cases = append(cases, Case("wrong method "+m, m, s.Path, "", "", 405, httpx.TypeMethodNotAllowed))
		}
	}
	ct := ""
	if s.Body != "" {
		ct = jsonType
	}
	sep := "?"
	if strings.Contains(s.Path, "?") {
		sep = "&"
	}
	cases = append(cases,
		Case("query/NUL in a value", r.Method, s.Path+sep+"q=%00", ct, s.Body, 400, httpx.TypeInvalidInput),
		Case("query/invalid UTF-8 in a name", r.Method, s.Path+sep+"%FF%FE=1", ct, s.Body, 400, httpx.TypeInvalidInput))
	cases = append(cases, idCases(r, s)...)
	if r.Method != http.MethodGet {
		cases = append(cases, DocumentCases(r.Method, s.Path, s.Body)...)
	}
	return cases
}

// idCases returns IDCases for each wildcard of r, the other wildcards
// keeping the sample's ids and the sample's document sent along.
func idCases(r Route, s Sample) []BadRequest {
	path, query, _ := strings.Cut(s.Path, "?")
	if query != "" {
		query = "?" + query
	}
	segments := strings.Split(strings.TrimPrefix(path, "/"), "/")
	var cases []BadRequest
	for i, name := range r.Wildcards() {
		prefix := "/" + strings.Join(append(segments[:i:i], ""), "/")
		suffix := ""
		if i+1 < len(segments) {
			suffix = "/" + strings.Join(segments[i+1:], "/")
		}
		cases = append(cases, IDCases("bad id {"+name+"}", r.Method, prefix, suffix+query, s.Body)...)
	}
	return cases
}

// DocumentCases returns the bodies an endpoint taking a JSON document
// refuses at path, valid being one it accepts ("" for an endpoint whose
// body may be left out): MethodDocCases, JSON that is no object, text with
// NUL, deep nesting (400), bodies over httpx.MaxBodyBytes (413), another
// media type (415) and each member of valid with a value of a wrong type.
func DocumentCases(method, path, valid string) []BadRequest {
	doc := Doc{Valid: valid, Truncated: `{"x":`, Unknown: `"surprise":true`, Form: "a=b"}
	if doc.Valid == "" {
		doc.Valid = "{}"
	}
	invalid := httpx.TypeInvalidInput
	big := hugeBodies()
	cases := append(MethodDocCases("body", method, path, doc),
		Case("body/string", method, path, jsonType, `"text"`, 400, invalid),
		Case("body/number", method, path, jsonType, `42`, 400, invalid),
		Case("body/boolean", method, path, jsonType, `true`, 400, invalid),
		Case("body/NUL in text", method, path, jsonType, `{"x":"a\u0000b"}`, 400, invalid),
		Case("body/no content type, malformed", method, path, "", `{"x":`, 400, invalid),
		Case("body/deep arrays", method, path, jsonType, big.deepArrays, 400, invalid),
		Case("body/deep objects", method, path, jsonType, big.deepObjects, 400, invalid),
		Case("body/over the limit", method, path, jsonType, big.overLimit, 413, httpx.TypeTooLarge),
		Case("body/whitespace over the limit", method, path, jsonType, big.blank+doc.Valid, 413, httpx.TypeTooLarge),
		Case("body/XML content type", method, path, "application/xml", doc.Valid, 415, httpx.TypeUnsupportedMedia),
	)
	return append(cases, wrongTypeCases(method, path, valid)...)
}

// wrongTypeCases returns valid with each member in turn given values of
// other JSON types, or out of range for a number.
func wrongTypeCases(method, path, valid string) []BadRequest {
	var members map[string]json.RawMessage
	if json.Unmarshal([]byte(valid), &members) != nil {
		return nil
	}
	var cases []BadRequest
	for _, name := range slices.Sorted(maps.Keys(members)) {
		for _, wrong := range wrongValues(members[name]) {
			changed := maps.Clone(members)
			changed[name] = json.RawMessage(wrong)
			body, _ := json.Marshal(changed)
			cases = append(cases, Case("body/"+name+" as "+wrong, method, path, jsonType, string(body), 400, httpx.TypeInvalidInput))
		}
	}
	return cases
}

// wrongValues returns values of other JSON types than v's (none for null,
// which leaves an optional member out).
func wrongValues(v json.RawMessage) []string {
	switch v[0] {
	case '"':
		return []string{`1`, `{}`}
	case '{':
		return []string{`[]`, `"x"`}
	case '[':
		return []string{`{}`, `"x"`}
	case 't', 'f':
		return []string{`"true"`, `1`}
	case 'n':
		return nil
	}
	return []string{`"1"`, `1e400`, `[]`}
}

// bigBodies are the large bodies, made once for every route.
type bigBodies struct{ deepArrays, deepObjects, overLimit, blank string }

var hugeBodies = sync.OnceValue(func() bigBodies {
	const depth = 50_000 // far beyond any decoder's nesting limit, far below the size limit
	return bigBodies{
		deepArrays:  strings.Repeat("[", depth) + strings.Repeat("]", depth),
		deepObjects: strings.Repeat(`{"a":`, depth) + "1" + strings.Repeat("}", depth),
		overLimit:   `{"x":"` + strings.Repeat("a", httpx.MaxBodyBytes) + `"}`,
		blank:       strings.Repeat(" ", httpx.MaxBodyBytes+1),
	}
})
