package client

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

// smsProvider is the name the SMS provider stand-in's base URL is known by.
const smsProvider = notificationsapi.SMSProviderPeer

// SMSFilter narrows SMSMessages; empty fields are no filter.
type SMSFilter struct {
	To             string
	IdempotencyKey string
}

// SMSMessages lists what the SMS provider received, oldest first.
func (c *Client) SMSMessages(ctx context.Context, f SMSFilter) ([]smsprovider.Message, error) {
	q := url.Values{}
	if f.To != "" {
		q.Set("to", f.To)
	}
	if f.IdempotencyKey != "" {
		q.Set("idempotencyKey", f.IdempotencyKey)
	}
	var out smsprovider.MessageList
	err := c.Do(ctx, smsProvider, http.MethodGet, "/v1/messages?"+q.Encode(), nil, &out)
	return out.Messages, err
}

// ResetSMSMessages makes the SMS provider forget every message.
func (c *Client) ResetSMSMessages(ctx context.Context) error {
	return c.Do(ctx, smsProvider, http.MethodDelete, "/v1/messages", nil, nil)
}

// SetSMSFault makes the SMS provider fail, slow down or drop sends.
func (c *Client) SetSMSFault(ctx context.Context, f smsprovider.Fault) (out smsprovider.FaultStatus, err error) {
	return out, c.Do(ctx, smsProvider, http.MethodPut, "/v1/admin/faults", f, &out)
}

// SMSFault reads the fault in force at the SMS provider.
func (c *Client) SMSFault(ctx context.Context) (out smsprovider.FaultStatus, err error) {
	return out, c.Do(ctx, smsProvider, http.MethodGet, "/v1/admin/faults", nil, &out)
}

// ClearSMSFault makes the SMS provider behave again.
func (c *Client) ClearSMSFault(ctx context.Context) error {
	return c.Do(ctx, smsProvider, http.MethodDelete, "/v1/admin/faults", nil, nil)
}

// SendSMS sends one SMS to the provider under an idempotency key, as the
// notifications context does. The provider does not deduplicate: each call
// that reaches it is one more message.
func (c *Client) SendSMS(ctx context.Context, key string, in smsprovider.SendMessageRequest) (out smsprovider.Message, err error) {
	base, ok := c.urls[smsProvider]
	if !ok {
		return out, fmt.Errorf("client: no base URL for %s", smsProvider)
	}
	req, err := c.request(ctx, http.MethodPost, base+"/v1/messages", in)
	if err != nil {
		return out, err
	}
	req.Header.Set(smsprovider.HeaderIdempotencyKey, key)
	// net/http replays a request carrying an Idempotency-Key header on a
	// broken keep-alive connection when it can rewind the body; against a
	// provider that does not deduplicate that would send twice, so the
	// body is made not rewindable.
	req.GetBody = nil
	return out, c.exchange(req, &out)
}

// exchange sends req and decodes a 2xx answer into out; any other answer
// becomes an *Error.
func (c *Client) exchange(req *http.Request, out any) error {
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("%s %s: read answer: %w", req.Method, req.URL.Path, err)
	}
	if resp.StatusCode >= 300 {
		e := &Error{Status: resp.StatusCode, Body: string(body)}
		_ = json.Unmarshal(body, &e.Problem)
		return e
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("%s %s: decode answer: %w", req.Method, req.URL.Path, err)
	}
	return nil
}
