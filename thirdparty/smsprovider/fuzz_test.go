package smsprovider_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

// FuzzSendMessageRequest sends arbitrary bodies to POST /v1/messages:
// whatever arrives, the answer is 202 with the message or a 4xx JSON
// error, never a server failure. The seeds run in every go test;
// go test -fuzz=FuzzSendMessageRequest explores further.
func FuzzSendMessageRequest(f *testing.F) {
	h := smsprovider.New().Handler()
	for _, seed := range []string{
		`{"to": "+14155550123", "body": "Hi Ada, your order 1234abcd is ready for pickup."}`,
		`{"to": "+14155550123", "body": "Grüße 🛒 ünïcödé"}`,
		`{"to": "+14155550123"`,
		`{"to": 14155550123, "body": "x"}`,
		`{"to": ["+14155550123"], "body": {}}`,
		`{"to": "+14155550123", "body": "\u0000\u001f"}`,
		"{\"to\": \"+14155550123\", \"body\": \"\xff\xfe\"}",
		`{"to": "+14155550123", "body": "x", "to": "+1"}`,
		`{"to": "+999999999999999999999", "body": "x"}`,
		`{"to": "", "body": ""}`,
		`null`, `[]`, `""`, ``, `{}`, `{"to": 1e400}`,
	} {
		f.Add([]byte(seed), "key-1")
	}
	f.Add([]byte(`{"to": "+14155550123", "body": "x"}`), "")
	f.Add([]byte(`{"to": "+14155550123", "body": "x"}`), "ключ")
	f.Fuzz(func(t *testing.T, body []byte, key string) {
		req := httptest.NewRequest(http.MethodPost, "/v1/messages", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(smsprovider.HeaderIdempotencyKey, key)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch {
		case rec.Code == http.StatusAccepted:
			var m smsprovider.Message
			if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil || m.ID == "" || m.IdempotencyKey != key {
				t.Fatalf("body %q: 202 with %s", body, rec.Body)
			}
		case rec.Code >= 400 && rec.Code < 500:
			var e smsprovider.ErrorBody
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error.Code == "" {
				t.Fatalf("body %q: %d without a JSON error: %s", body, rec.Code, rec.Body)
			}
		default:
			t.Fatalf("body %q key %q: status %d", body, key, rec.Code)
		}
	})
}
