// Package client is the typed Go client of the MallBots REST API, the SDK
// that the harness steps and other programs use. Each context may be served
// from its own base URL; a problem-details answer becomes an *Error.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// Client calls the REST APIs of the contexts.
type Client struct {
	http *http.Client
	urls map[string]string
}

// New returns a client; urls maps a context name to its base URL.
func New(urls map[string]string, httpClient *http.Client) *Client {
	if httpClient == nil {
		httpClient = http.DefaultClient
	}
	return &Client{http: httpClient, urls: urls}
}

// Single returns a client for a process serving every context at baseURL.
func Single(baseURL string, contexts []string) *Client {
	urls := map[string]string{}
	for _, c := range contexts {
		urls[c] = baseURL
	}
	return New(urls, nil)
}

// Error is a non-2xx answer.
type Error struct {
	Status  int
	Problem httpx.Problem
	Body    string
}

func (e *Error) Error() string {
	if e.Problem.Type != "" {
		return fmt.Sprintf("%d %s: %s", e.Status, e.Problem.Title, e.Problem.Detail)
	}
	return fmt.Sprintf("HTTP %d: %s", e.Status, strings.TrimSpace(e.Body))
}

// StatusOf returns the HTTP status of a client error, or 0.
func StatusOf(err error) int {
	var e *Error
	if errors.As(err, &e) {
		return e.Status
	}
	return 0
}

// Do sends in (when not nil) as JSON to the context's path and decodes the
// answer into out (when not nil). The correlation id in ctx is sent along.
func (c *Client) Do(ctx context.Context, context, method, path string, in, out any) error {
	base, ok := c.urls[context]
	if !ok {
		return fmt.Errorf("client: no base URL for context %s", context)
	}
	req, err := c.request(ctx, method, base+path, in)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("%s %s: read answer: %w", method, path, err)
	}
	if resp.StatusCode >= 300 {
		e := &Error{Status: resp.StatusCode, Body: string(body)}
		_ = json.Unmarshal(body, &e.Problem)
		return e
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("%s %s: decode answer: %w", method, path, err)
	}
	return nil
}

func (c *Client) request(ctx context.Context, method, url string, in any) (*http.Request, error) {
	var body io.Reader
	if in != nil {
		data, err := json.Marshal(in)
		if err != nil {
			return nil, fmt.Errorf("client: encode request: %w", err)
		}
		body = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		return nil, err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	if id := msg.MetaFrom(ctx).CorrelationID; id != "" {
		req.Header.Set(httpx.HeaderCorrelationID, id)
	}
	return req, nil
}
