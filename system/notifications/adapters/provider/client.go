// Package provider is the notifications context's adapter to the external
// SMS provider's HTTP API. It keeps the provider's wire format to itself and
// sorts every failure into what the sender must know: not accepted (try
// again), rejected (never), or unknown (the provider may have it).
package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/mallbots/mallbots/system/notifications/app"
)

// maxErrorText bounds how much of a failed answer is kept as the error.
const maxErrorText = 300

// Client calls the SMS provider at a base URL.
type Client struct {
	base string
	http *http.Client
}

// New returns a client of the provider at base; timeout bounds each call,
// so that a hanging provider turns into an unknown outcome, not a stuck
// sender.
func New(base string, timeout time.Duration) *Client {
	// A transport of its own: the keep-alive connections to the provider
	// are not shared with the rest of the process.
	transport := http.DefaultTransport.(*http.Transport).Clone()
	return &Client{base: strings.TrimRight(base, "/"), http: &http.Client{Timeout: timeout, Transport: transport}}
}

type sendRequest struct {
	To   string `json:"to"`
	Body string `json:"body"`
}

type message struct {
	ID             string `json:"id"`
	IdempotencyKey string `json:"idempotencyKey"`
}

type messageList struct {
	Messages []message `json:"messages"`
}

// Send posts one message under key and returns the provider's id of it.
func (c *Client) Send(ctx context.Context, key, to, body string) (string, error) {
	data, err := json.Marshal(sendRequest{To: to, Body: body})
	if err != nil {
		return "", fmt.Errorf("encode sms: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/messages", bytes.NewReader(data))
	if err != nil {
		return "", fmt.Errorf("send sms: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", key)
	// net/http silently replays a request that carries an Idempotency-Key
	// header when a reused keep-alive connection breaks after the request
	// went out, if it can rewind the body. This provider does not
	// deduplicate, so a replay would be a second SMS: making the body not
	// rewindable leaves every retry decision to the sender, which asks the
	// provider first.
	req.GetBody = nil
	var m message
	if err := c.exchange(req, http.StatusAccepted, &m); err != nil {
		return "", err
	}
	if m.ID == "" {
		return "", fmt.Errorf("send sms: the provider accepted it without an id")
	}
	return m.ID, nil
}

// Find asks the provider whether it holds a message sent under key.
func (c *Client) Find(ctx context.Context, key string) (string, bool, error) {
	u := c.base + "/v1/messages?" + url.Values{"idempotencyKey": {key}}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "", false, fmt.Errorf("find sms: %w", err)
	}
	var list messageList
	if err := c.exchange(req, http.StatusOK, &list); err != nil {
		return "", false, err
	}
	for _, m := range list.Messages {
		if m.IdempotencyKey == key {
			return m.ID, true, nil
		}
	}
	return "", false, nil
}

// exchange sends req and decodes an answer of status want into out. A
// failed answer is classified; a failure to get one is left unclassified.
func (c *Client) exchange(req *http.Request, want int, out any) error {
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return fmt.Errorf("%s %s: read answer %d: %w", req.Method, req.URL.Path, resp.StatusCode, err)
	}
	if resp.StatusCode != want {
		return classify(resp.StatusCode, body)
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("%s %s: decode answer: %w", req.Method, req.URL.Path, err)
	}
	return nil
}

// classify turns a failed answer into the sender's terms: 429 and 503 say
// "not now", other 4xx say "never like this", anything else (a 500 from
// behind a proxy, an unexpected 2xx) leaves the outcome unknown.
func classify(status int, body []byte) error {
	text := fmt.Sprintf("the provider answered %d: %s", status, excerpt(body))
	switch {
	case status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable:
		return fmt.Errorf("%w: %s", app.ErrNotAccepted, text)
	case status == http.StatusRequestTimeout:
		return fmt.Errorf("%s", text)
	case status >= 400 && status < 500:
		return fmt.Errorf("%w: %s", app.ErrRejected, text)
	}
	return fmt.Errorf("%s", text)
}

// excerpt returns the provider's error message, or the start of the body.
func excerpt(body []byte) string {
	var e struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	text := strings.TrimSpace(string(body))
	if json.Unmarshal(body, &e) == nil && e.Error.Message != "" {
		text = e.Error.Message
	}
	if r := []rune(text); len(r) > maxErrorText {
		text = string(r[:maxErrorText]) + "..."
	}
	return text
}
