package httpx

import (
	"net/http"
	"strings"
	"unicode/utf8"
)

// Router is what Routes serves: a mux that also tells which pattern, if
// any, matches a request (*Mux, *http.ServeMux).
type Router interface {
	http.Handler
	Handler(r *http.Request) (h http.Handler, pattern string)
}

// Routes serves mux, answering unknown paths and wrong methods with problem
// details instead of the mux's plain-text pages.
func Routes(mux Router) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !storable(r.URL.Path) {
			WriteProblem(w, r, NewProblem(http.StatusNotFound, TypeNotFound, "no such resource"))
			return
		}
		if !storableQuery(r) {
			WriteProblem(w, r, invalid("query parameters must be valid UTF-8 without NUL characters"))
			return
		}
		if _, pattern := mux.Handler(r); pattern != "" {
			mux.ServeHTTP(w, r)
			return
		}
		probe := &statusProbe{header: http.Header{}}
		mux.ServeHTTP(probe, r)
		if probe.status == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", probe.header.Get("Allow"))
			WriteProblem(w, r, NewProblem(http.StatusMethodNotAllowed, TypeMethodNotAllowed,
				r.Method+" is not allowed on "+r.URL.Path))
			return
		}
		WriteProblem(w, r, NewProblem(http.StatusNotFound, TypeNotFound, "no such resource: "+r.URL.Path))
	})
}

// statusProbe records what the mux would answer for an unmatched request.
type statusProbe struct {
	header http.Header
	status int
}

func (p *statusProbe) Header() http.Header         { return p.header }
func (p *statusProbe) Write(b []byte) (int, error) { return len(b), nil }
func (p *statusProbe) WriteHeader(code int)        { p.status = code }

// storable reports whether s can reach Postgres as text: ids and filters
// with NUL bytes or invalid UTF-8 can name nothing, and would fail in SQL.
func storable(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, 0) }

func storableQuery(r *http.Request) bool {
	for key, values := range r.URL.Query() {
		if !storable(key) {
			return false
		}
		for _, v := range values {
			if !storable(v) {
				return false
			}
		}
	}
	return true
}
