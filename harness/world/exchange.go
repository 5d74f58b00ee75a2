package world

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// Exchange is one HTTP call a scenario made.
type Exchange struct {
	At       time.Time
	Method   string
	URL      string
	Status   int
	Took     time.Duration
	Request  string
	Response string
}

func (e Exchange) String() string {
	return fmt.Sprintf("%s  %s %s -> %d (%s)\n      sent: %s\n      got:  %s",
		e.At.Format("15:04:05.000"), e.Method, e.URL, e.Status, e.Took.Round(time.Millisecond),
		clip(e.Request), clip(e.Response))
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
	ex := Exchange{At: start, Method: req.Method, URL: req.URL.String(), Took: time.Since(start), Request: sent}
	if err != nil {
		ex.Response = "error: " + err.Error()
	} else {
		ex.Status, ex.Response = resp.StatusCode, readAndRestore(&resp.Body)
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
