package world

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/mallbots/mallbots/system/platform/httpx"
)

// Response is the last raw HTTP answer a generic step got.
type Response struct {
	Status int
	Header http.Header
	Body   string
}

// Field returns the value at a gjson path (e.g. "items.0.name", "items.#").
func (r *Response) Field(path string) (gjson.Result, error) {
	if !gjson.Valid(r.Body) {
		return gjson.Result{}, fmt.Errorf("the response is not JSON: %s", clip(r.Body))
	}
	v := gjson.Get(r.Body, path)
	if !v.Exists() {
		return v, fmt.Errorf("the response has no field %q: %s", path, clip(r.Body))
	}
	return v, nil
}

// Send makes a raw HTTP call to the service hosting context and keeps the answer.
func (s *Scenario) Send(ctx context.Context, method, context, path, body string) (*Response, error) {
	base, ok := s.World.Env.Endpoints().Contexts[context]
	if !ok {
		return nil, fmt.Errorf("no service hosts context %q", context)
	}
	req, err := http.NewRequestWithContext(ctx, method, base+path, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set(httpx.HeaderCorrelationID, s.CorrelationID)
	resp, err := s.HTTP.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	r := &Response{Status: resp.StatusCode, Header: resp.Header, Body: string(data)}
	s.mu.Lock()
	s.last = r
	s.mu.Unlock()
	return r, nil
}

// Last returns the last raw response, or an error when no call was made.
func (s *Scenario) Last() (*Response, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.last == nil {
		return nil, fmt.Errorf("no request was sent yet in this scenario")
	}
	return s.last, nil
}
