//go:build pact

package provider

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/pact-foundation/pact-go/v2/models"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

// TestSMSProvider replays notifications' pact with the SMS provider
// against the stand-in served locally (the real provider's API as this
// project knows it).
func TestSMSProvider(t *testing.T) {
	t.Parallel() // its own host, broker and database: independent of the others
	srv := httptest.NewServer(smsprovider.New().Handler())
	t.Cleanup(srv.Close)
	call := func(method, path string, header http.Header, body any) error {
		data, err := json.Marshal(body)
		if err != nil {
			return err
		}
		req, err := http.NewRequestWithContext(ctx(), method, srv.URL+path, bytes.NewReader(data))
		if err != nil {
			return err
		}
		req.Header = header
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		_ = resp.Body.Close()
		if resp.StatusCode >= 300 {
			return fmt.Errorf("%s %s: %d", method, path, resp.StatusCode)
		}
		return nil
	}
	states := models.StateHandlers{
		"a message was sent under key order-1-created": func(setup bool, _ models.ProviderState) (models.ProviderStateResponse, error) {
			if !setup {
				return nil, nil
			}
			return nil, call(http.MethodPost, "/v1/messages", http.Header{smsprovider.HeaderIdempotencyKey: {"order-1-created"}},
				smsprovider.SendMessageRequest{To: "+14155550123", Body: "Hi Ada"})
		},
		"the provider is unavailable": func(setup bool, _ models.ProviderState) (models.ProviderStateResponse, error) {
			if !setup {
				return nil, nil
			}
			return nil, call(http.MethodPut, "/v1/admin/faults", http.Header{}, smsprovider.Fault{Mode: smsprovider.ModeFail, Count: 1})
		},
	}
	verify(t, pactkit.SMSProvider, srv.URL, states, nil)
}
