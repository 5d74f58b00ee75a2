package world

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/redact"
)

// Exchange is one HTTP call a scenario made, as it is shown in failures and
// reports: secrets (a URL's password, secret headers, query parameters and
// fields) are masked by package redact when the call is recorded.
type Exchange struct {
	At     time.Time
	Method string
	URL    string
	// Header is the request's headers.
	Header   http.Header
	Status   int
	Took     time.Duration
	Request  string
	Response string
}

func (e Exchange) String() string {
	return fmt.Sprintf("%s  %s %s -> %d (%s)%s\n      sent: %s\n      got:  %s",
		e.At.Format("15:04:05.000"), e.Method, e.URL, e.Status, e.Took.Round(time.Millisecond),
		e.headerLine(), clip(e.Request), clip(e.Response))
}

// routineHeaders are set on every call and would only add noise to a
// failure; the correlation id is in the failure already.
var routineHeaders = []string{"Accept", "Accept-Encoding", "Content-Type", "User-Agent", httpx.HeaderCorrelationID}

// headerLine lists the headers a call set beyond the routine ones.
func (e Exchange) headerLine() string {
	var parts []string
	for name, values := range e.Header {
		if !slices.ContainsFunc(routineHeaders, func(h string) bool { return strings.EqualFold(h, name) }) {
			parts = append(parts, name+": "+strings.Join(values, ", "))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	slices.Sort(parts)
	return "\n      headers: " + strings.Join(parts, "; ")
}

func clip(s string) string {
	if s == "" {
		return "-"
	}
	if len(s) > 300 {
		return s[:297] + "..."
	}
	return s
}

// recorder is an http.RoundTripper that keeps every exchange.
type recorder struct {
	mu        sync.Mutex
	exchanges []Exchange
	next      http.RoundTripper
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	sent := readAndRestore(&req.Body)
	start := time.Now()
	resp, err := r.next.RoundTrip(req)
	ex := Exchange{At: start, Method: req.Method, URL: redact.URL(req.URL.String()), Header: redact.Header(req.Header),
		Took: time.Since(start), Request: redact.Text(sent)}
	if err != nil {
		ex.Response = "error: " + redact.Text(err.Error())
	} else {
		ex.Status, ex.Response = resp.StatusCode, redact.Text(readAndRestore(&resp.Body))
	}
	r.mu.Lock()
	r.exchanges = append(r.exchanges, ex)
	r.mu.Unlock()
	return resp, err
}

func (r *recorder) all() []Exchange {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Exchange(nil), r.exchanges...)
}

func readAndRestore(body *io.ReadCloser) string {
	if *body == nil || *body == http.NoBody {
		return ""
	}
	data, _ := io.ReadAll(*body)
	(*body).Close()
	*body = io.NopCloser(bytes.NewReader(data))
	return string(data)
}
