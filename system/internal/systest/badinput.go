package systest

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/httpx"
)

// BadRequest is one request an endpoint must refuse with a problem.
type BadRequest struct {
	Name        string
	Method      string
	Path        string
	ContentType string
	Body        string
	Want        int
}

const jsonType = "application/json"

// BodyCases returns the malformed-body requests every JSON endpoint refuses.
func BodyCases(name, method, path string) []BadRequest {
	huge := `{"name":"` + strings.Repeat("a", httpx.MaxBodyBytes) + `"}`
	return []BadRequest{
		{name + "/malformed JSON", method, path, jsonType, `{"name":`, 400},
		{name + "/syntax error", method, path, jsonType, `{"name" 1}`, 400},
		{name + "/empty body", method, path, jsonType, ``, 400},
		{name + "/array body", method, path, jsonType, `[]`, 400},
		{name + "/unknown field", method, path, jsonType, `{"surprise":true}`, 400},
		{name + "/NUL in text", method, path, jsonType, `{"name":"a\u0000b"}`, 400},
		{name + "/wrong content type", method, path, "text/plain", `{}`, 415},
		{name + "/huge body", method, path, jsonType, huge, 413},
	}
}

// AssertProblem sends r to baseURL and checks the answer is r.Want as
// problem details with a stable type.
func AssertProblem(t *testing.T, baseURL string, r BadRequest) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), r.Method, baseURL+r.Path, strings.NewReader(r.Body))
	require.NoError(t, err)
	if r.ContentType != "" {
		req.Header.Set("Content-Type", r.ContentType)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Less(t, resp.StatusCode, 500, "never a server error: %s", body)
	assert.Equal(t, r.Want, resp.StatusCode, "%s %s: %s", r.Method, r.Path, body)
	assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
	var p httpx.Problem
	require.NoError(t, json.Unmarshal(body, &p), "problem details: %s", body)
	assert.True(t, strings.HasPrefix(p.Type, httpx.ProblemBase), "stable problem type, got %q", p.Type)
	assert.Equal(t, resp.StatusCode, p.Status)
}

// RunBadRequests runs each request as a parallel subtest.
func RunBadRequests(t *testing.T, baseURL string, requests []BadRequest) {
	for _, r := range requests {
		t.Run(r.Name, func(t *testing.T) {
			t.Parallel()
			AssertProblem(t, baseURL, r)
		})
	}
}

// Post sends body as JSON and returns the status (for fuzz targets).
func Post(t *testing.T, url, body string) int {
	t.Helper()
	resp, err := http.Post(url, jsonType, strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode
}

// Bad builds a BadRequest (positional, for compact tables in other packages).
func Bad(name, method, path, contentType, body string, want int) BadRequest {
	return BadRequest{Name: name, Method: method, Path: path, ContentType: contentType, Body: body, Want: want}
}
