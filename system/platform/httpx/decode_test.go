package httpx_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

type order struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

func (o *order) Validate() error {
	var c apperr.Check
	c.Require(o.Name != "", "name", "must not be empty")
	c.Require(o.Count > 0, "count", "must be positive")
	return c.Err()
}

// handler decodes an order and echoes it, as every endpoint does.
func handler() http.Handler {
	return httpx.Correlate(httpx.Handle(httpx.Created(
		func(_ context.Context, o order) (order, error) { return o, nil })))
}

func post(t testing.TB, body, contentType string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/orders", strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	handler().ServeHTTP(rec, req)
	return rec
}

func TestDecodeAnswersBadInputWithProblems(t *testing.T) {
	cases := []struct {
		name, body, contentType string
		status                  int
		detail                  string
	}{
		{"valid", `{"name":"a","count":1}`, "application/json", 201, ""},
		{"malformed", `{"name":`, "application/json", 400, "truncated"},
		{"syntax error", `{"name" "a"}`, "application/json", 400, "malformed JSON"},
		{"wrong type", `{"name":"a","count":"two"}`, "application/json", 400, `field "count" must be a number`},
		{"unknown field", `{"name":"a","count":1,"extra":true}`, "application/json", 400, "unknown field"},
		{"missing fields", `{}`, "application/json", 400, "invalid fields"},
		{"empty body", ``, "application/json", 400, "empty"},
		{"two documents", `{"name":"a","count":1}{}`, "application/json", 400, "exactly one"},
		{"array", `[]`, "application/json", 400, "the body must be an object"},
		{"null", ` null `, "application/json", 400, "not null"},
		{"wrong media type", `name=a`, "application/x-www-form-urlencoded", 415, "application/json"},
		{"too large", `{"name":"` + strings.Repeat("a", httpx.MaxBodyBytes) + `"}`, "application/json", 413, "exceeds"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := post(t, c.body, c.contentType)
			require.Equal(t, c.status, rec.Code, rec.Body.String())
			if c.status < 300 {
				return
			}
			assert.Equal(t, "application/problem+json", rec.Header().Get("Content-Type"))
			var p httpx.Problem
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &p))
			assert.Equal(t, c.status, p.Status)
			assert.Contains(t, p.Type, httpx.ProblemBase)
			assert.Contains(t, p.Detail, c.detail)
			assert.Equal(t, rec.Header().Get(httpx.HeaderCorrelationID), p.CorrelationID)
		})
	}
}

func TestActionTakesNoBodyOrAnEmptyObjectOnly(t *testing.T) {
	h := httpx.Handle(httpx.Action("id", func(_ context.Context, id string) (string, error) { return id, nil }))
	for body, status := range map[string]int{"": 200, "{}": 200, "null": 400, `{"x":1}`: 400, "[]": 400} {
		req := httptest.NewRequest(http.MethodPost, "/things/a1", strings.NewReader(body))
		req.SetPathValue("id", "a1")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		assert.Equal(t, status, rec.Code, "body %q: %s", body, rec.Body)
	}
}

func TestCorrelationIDIsEchoedOrMade(t *testing.T) {
	req := httptest.NewRequest(http.MethodPost, "/orders", strings.NewReader(`{}`))
	req.Header.Set(httpx.HeaderCorrelationID, "checkout-42")
	rec := httptest.NewRecorder()
	handler().ServeHTTP(rec, req)
	assert.Equal(t, "checkout-42", rec.Header().Get(httpx.HeaderCorrelationID))

	req.Header.Set(httpx.HeaderCorrelationID, "bad id with spaces")
	rec = httptest.NewRecorder()
	handler().ServeHTTP(rec, req)
	assert.NotEqual(t, "bad id with spaces", rec.Header().Get(httpx.HeaderCorrelationID))
	assert.NotEmpty(t, rec.Header().Get(httpx.HeaderCorrelationID))
}

// FuzzDecode feeds arbitrary bodies to a decoding endpoint: it must answer
// 201 or a 4xx problem, never a 5xx. The seeds run in every `go test`.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		`{"name":"a","count":1}`, `{"name":`, `{"name":5}`, `{"count":-1}`, `null`, `[]`, `""`,
		`{"name":"ü\u0000","count":1e309}`, `{"name":"a","count":1}garbage`, strings.Repeat("[", 10000),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		rec := post(t, body, "application/json")
		if rec.Code >= 500 || (rec.Code != 201 && rec.Code < 400) {
			t.Fatalf("body %q: status %d", body, rec.Code)
		}
		if rec.Code >= 400 && rec.Header().Get("Content-Type") != "application/problem+json" {
			t.Fatalf("body %q: %d without problem details", body, rec.Code)
		}
	})
}

func TestRoutesRejectUnstorableText(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("GET /things/{id}", httpx.Handle(func(w http.ResponseWriter, r *http.Request) error {
		return httpx.JSON(w, http.StatusOK, r.PathValue("id"))
	}))
	cases := map[string]int{"/things/ok": 200, "/things/%00": 404, "/things/%FF": 404, "/things/ok?q=%00": 400}
	for path, status := range cases {
		rec := httptest.NewRecorder()
		httpx.Routes(mux).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		assert.Equal(t, status, rec.Code, path)
	}
	rec := post(t, `{"name":"a\u0000b","count":1}`, "application/json")
	assert.Equal(t, http.StatusBadRequest, rec.Code, "a NUL escape cannot reach Postgres")
}
