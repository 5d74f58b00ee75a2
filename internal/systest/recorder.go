package systest

import (
	"bytes"
	"io"
	"net/http"
	"sync"
)

// Recorder is an http.RoundTripper that keeps a Sample of the requests it
// carries on each route of a host: the first that succeeded, else the
// first. A typed client over it, driven through a real flow, shows what a
// well-formed request on each route looks like.
type Recorder struct {
	next    http.RoundTripper
	match   *http.ServeMux
	mu      sync.Mutex
	samples map[string]recorded
}

type recorded struct {
	Sample
	ok bool
}

// NewRecorder returns a Recorder of requests on patterns, the routes of a
// host, sent on through http.DefaultTransport.
func NewRecorder(patterns []string) *Recorder {
	match := http.NewServeMux()
	for _, p := range patterns {
		match.Handle(p, http.NotFoundHandler())
	}
	return &Recorder{next: http.DefaultTransport, match: match, samples: map[string]recorded{}}
}

// RoundTrip sends req on and records it.
func (r *Recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		var err error
		if body, err = io.ReadAll(req.Body); err != nil {
			return nil, err
		}
		_ = req.Body.Close()
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	resp, err := r.next.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	if _, pattern := r.match.Handler(req); pattern != "" {
		r.keep(pattern, Sample{Path: req.URL.RequestURI(), Body: string(body)}, resp.StatusCode < 300)
	}
	return resp, nil
}

func (r *Recorder) keep(pattern string, s Sample, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if prev, seen := r.samples[pattern]; !seen || (ok && !prev.ok) {
		r.samples[pattern] = recorded{Sample: s, ok: ok}
	}
}

// Samples returns a sample of each route for every route in routes: the
// one recorded or, for a GET never sent, its path with the ids seen on
// other routes. It names each route it has none for.
func (r *Recorder) Samples(routes []Route) (map[string]Sample, []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	ids := map[string]string{}
	for _, route := range routes {
		if s, ok := r.samples[route.Pattern]; ok && s.ok {
			for name, id := range route.IDs(s.Path) {
				ids[name] = id
			}
		}
	}
	samples := map[string]Sample{}
	var missing []string
	for _, route := range routes {
		if s, ok := r.samples[route.Pattern]; ok {
			samples[route.Pattern] = s.Sample
			continue
		}
		path, unknown := route.Path(ids)
		if route.Method != http.MethodGet || len(unknown) > 0 {
			missing = append(missing, route.Pattern)
			continue
		}
		samples[route.Pattern] = Sample{Path: path}
	}
	return samples, missing
}
