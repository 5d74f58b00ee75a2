package systest

import (
	"strings"
)

// Route is one route a host serves, parsed from its mux pattern, such as
// "POST /api/stores/{storeId}/rebrand".
type Route struct {
	Pattern string
	Method  string
	// Segments are the path's segments; a wildcard is "{name}".
	Segments []string
}

// ParseRoute parses a mux pattern "METHOD /path"; a pattern without a
// method matches every method and gets "GET".
func ParseRoute(pattern string) Route {
	method, path, ok := strings.Cut(pattern, " ")
	if !ok {
		method, path = "GET", pattern
	}
	return Route{Pattern: pattern, Method: method, Segments: strings.Split(strings.TrimPrefix(path, "/"), "/")}
}

// Template is the route's path pattern without its method.
func (r Route) Template() string { return "/" + strings.Join(r.Segments, "/") }

// Wildcards returns the name of each wildcard segment, by position.
func (r Route) Wildcards() map[int]string {
	names := map[int]string{}
	for i, s := range r.Segments {
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
			names[i] = strings.TrimSuffix(strings.Trim(s, "{}"), "...")
		}
	}
	return names
}

// Path fills the route's wildcards with ids (path-escaped already) and
// names the wildcards ids has no value for.
func (r Route) Path(ids map[string]string) (string, []string) {
	segments := append([]string(nil), r.Segments...)
	var missing []string
	for i, name := range r.Wildcards() {
		id, ok := ids[name]
		if !ok {
			missing = append(missing, name)
		}
		segments[i] = id
	}
	return "/" + strings.Join(segments, "/"), missing
}

// IDs returns the wildcard values of path, a request on the route.
func (r Route) IDs(path string) map[string]string {
	path, _, _ = strings.Cut(path, "?")
	segments := strings.Split(strings.TrimPrefix(path, "/"), "/")
	ids := map[string]string{}
	for i, name := range r.Wildcards() {
		if i < len(segments) {
			ids[name] = segments[i]
		}
	}
	return ids
}

// Allowed maps each path template to the methods its routes take.
func Allowed(routes []Route) map[string][]string {
	allowed := map[string][]string{}
	for _, r := range routes {
		allowed[r.Template()] = append(allowed[r.Template()], r.Method)
	}
	return allowed
}
