package systest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// BadRequest is one request an endpoint must refuse with a problem.
type BadRequest struct {
	Name        string
	Method      string
	Path        string
	ContentType string
	Body        string
	Want        int
	// Problem is the problem type expected. AssertProblem takes "" as any
	// stable type; Expect takes "" as no problem (a success).
	Problem string
}

const jsonType = "application/json"

// BodyCases returns the malformed-body requests every JSON endpoint refuses.
func BodyCases(name, method, path string) []BadRequest {
	huge := `{"name":"` + strings.Repeat("a", httpx.MaxBodyBytes) + `"}`
	return []BadRequest{
		Bad(name+"/malformed JSON", method, path, jsonType, `{"name":`, 400),
		Bad(name+"/syntax error", method, path, jsonType, `{"name" 1}`, 400),
		Bad(name+"/empty body", method, path, jsonType, ``, 400),
		Bad(name+"/array body", method, path, jsonType, `[]`, 400),
		Bad(name+"/unknown field", method, path, jsonType, `{"surprise":true}`, 400),
		Bad(name+"/NUL in text", method, path, jsonType, `{"name":"a\u0000b"}`, 400),
		Bad(name+"/wrong content type", method, path, "text/plain", `{}`, 415),
		Bad(name+"/huge body", method, path, jsonType, huge, 413),
	}
}

// AnswerWithin bounds the wait for the answer to one bad request: a request
// still unanswered by then is a hang.
const AnswerWithin = 15 * time.Second

// AssertProblem sends r to baseURL (with no Content-Type when r.ContentType
// is "") and checks the answer is r.Want as problem details with a stable
// type (r.Problem when set) and a correlation id, within AnswerWithin.
func AssertProblem(t *testing.T, baseURL string, r BadRequest) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), AnswerWithin)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, r.Method, baseURL+r.Path, strings.NewReader(r.Body))
	require.NoError(t, err)
	if r.ContentType != "" {
		req.Header.Set("Content-Type", r.ContentType)
	}
	what := r.Name + ": " + r.Method + " " + shorten(r.Path)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err, "%s: no answer (a hang or a crash)", what)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err, "%s: the answer broke off", what)
	require.Less(t, resp.StatusCode, 500, "%s: never a server error: %s", what, body)
	assert.Equal(t, r.Want, resp.StatusCode, "%s: %s", what, body)
	assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"), "%s: %s", what, body)
	var p httpx.Problem
	require.NoError(t, json.Unmarshal(body, &p), "%s: problem details: %s", what, body)
	if r.Problem != "" {
		assert.Equal(t, r.Problem, p.Type, "%s: %s", what, body)
	} else {
		assert.True(t, strings.HasPrefix(p.Type, httpx.ProblemBase), "%s: stable problem type, got %q", what, p.Type)
	}
	assert.Equal(t, resp.StatusCode, p.Status)
	assert.NotEmpty(t, p.CorrelationID)
}

// shorten keeps a failure message readable when a path holds a huge id.
func shorten(s string) string {
	if len(s) <= 200 {
		return s
	}
	return s[:200] + "…"
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

// Case builds a BadRequest that also expects the problem type (positional,
// for compact tables in other packages).
func Case(name, method, path, contentType, body string, want int, problem string) BadRequest {
	r := Bad(name, method, path, contentType, body, want)
	r.Problem = problem
	return r
}

// IDCases returns the requests to prefix+id+suffix an endpoint must answer
// 404 not-found for: unknown, malformed, and ids Postgres cannot hold as
// text. body, if any, is sent as JSON.
func IDCases(name, method, prefix, suffix, body string) []BadRequest {
	ct := ""
	if body != "" {
		ct = jsonType
	}
	ids := map[string]string{
		"unknown id":     msg.NewID(),
		"malformed id":   "not-a-uuid",
		"NUL in id":      "%00",
		"invalid UTF-8":  "%FF%FE",
		"slash in id":    "a%2Fb",
		"huge id":        strings.Repeat("x", 4000),
		"uppercase uuid": strings.ToUpper(msg.NewID()),
	}
	var cases []BadRequest
	for n, id := range ids {
		cases = append(cases, Case(name+"/"+n, method, prefix+id+suffix, ct, body, 404, httpx.TypeNotFound))
	}
	return cases
}

// Doc describes the JSON document a POST endpoint takes, for DocCases.
type Doc struct {
	// Valid is a document the endpoint accepts, ending in "}".
	Valid string
	// Truncated is a malformed document, such as `{"name":`.
	Truncated string
	// Unknown is an unknown member to add to Valid, such as `"vip":true`.
	Unknown string
	// Form is a form-encoded body, such as `name=Ann`.
	Form string
}

// DocCases returns the malformed documents every POST endpoint taking d
// refuses at path, even one whose body is optional.
func DocCases(name, path string, d Doc) []BadRequest { return MethodDocCases(name, "POST", path, d) }

// MethodDocCases is DocCases for an endpoint of any method.
func MethodDocCases(name, method, path string, d Doc) []BadRequest {
	invalid, media := httpx.TypeInvalidInput, httpx.TypeUnsupportedMedia
	return []BadRequest{
		Case(name+"/malformed JSON", method, path, jsonType, d.Truncated, 400, invalid),
		Case(name+"/not JSON", method, path, jsonType, `hello`, 400, invalid),
		Case(name+"/null", method, path, jsonType, `null`, 400, invalid),
		Case(name+"/array", method, path, jsonType, `[]`, 400, invalid),
		Case(name+"/unknown field", method, path, jsonType, withMember(d.Valid, d.Unknown), 400, invalid),
		Case(name+"/two documents", method, path, jsonType, d.Valid+d.Valid, 400, invalid),
		Case(name+"/blank body", method, path, jsonType, "  \n", 400, invalid),
		Case(name+"/wrong content type", method, path, "text/plain", d.Valid, 415, media),
		Case(name+"/form content type", method, path, "application/x-www-form-urlencoded", d.Form, 415, media),
		Case(name+"/garbled content type", method, path, "json;;;", d.Valid, 415, media),
	}
}

// withMember adds member to the JSON object doc, which may be empty.
func withMember(doc, member string) string {
	doc = strings.TrimSuffix(strings.TrimSpace(doc), "}")
	if strings.TrimSpace(doc) == "{" {
		return "{" + member + "}"
	}
	return doc + "," + member + "}"
}

// RequiredDocCases returns DocCases and the empty documents an endpoint
// whose body is required refuses.
func RequiredDocCases(name, path string, d Doc) []BadRequest {
	invalid := httpx.TypeInvalidInput
	return append(DocCases(name, path, d),
		Case(name+"/missing fields", "POST", path, jsonType, `{}`, 400, invalid),
		Case(name+"/empty body", "POST", path, jsonType, ``, 400, invalid),
		Case(name+"/no content type, empty body", "POST", path, "", ``, 400, invalid),
	)
}

// AddBodySeeds adds seeds to f's corpus, and the bodies every JSON
// endpoint must refuse: deep nesting, null, an array, a string, a number,
// an empty and a blank body.
func AddBodySeeds(f *testing.F, seeds ...string) {
	seeds = append(seeds, strings.Repeat("[", 20000), `null`, `[]`, `""`, `0`, ``, " \t\n")
	for _, seed := range seeds {
		f.Add([]byte(seed))
	}
}

// PostWithin is PostJSON under a deadline of its own, timeout from now (a
// fuzzing run outlives any deadline shared across inputs). It returns the
// answer and whether its status is ok.
func PostWithin(t *testing.T, timeout time.Duration, url string, body []byte, ok int) ([]byte, bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	status, data := PostJSON(t, ctx, url, body, ok)
	return data, status == ok
}

// PostJSON posts body as JSON to url and checks that the answer is never a
// server error and, unless it is ok, problem details with a stable type. It
// returns the status and the answer (for fuzz targets).
func PostJSON(t *testing.T, ctx context.Context, url string, body []byte, ok int) (int, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", jsonType)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)

	require.Less(t, resp.StatusCode, 500, "body %q answered %s", body, data)
	if resp.StatusCode != ok {
		assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
		var p httpx.Problem
		require.NoError(t, json.Unmarshal(data, &p))
		assert.True(t, strings.HasPrefix(p.Type, httpx.ProblemBase), "problem type %q", p.Type)
	}
	return resp.StatusCode, data
}

// Send makes one raw request as a JSON client does (Content-Type
// application/json unless r.ContentType says otherwise) and checks that any
// failure is a problem document; it returns the status, the problem and the
// raw body.
func Send(t *testing.T, ctx context.Context, baseURL string, r BadRequest) (int, httpx.Problem, string) {
	t.Helper()
	var body io.Reader
	if r.Body != "" {
		body = strings.NewReader(r.Body)
	}
	req, err := http.NewRequestWithContext(ctx, r.Method, baseURL+r.Path, body)
	require.NoError(t, err)
	req.Header.Set("Content-Type", jsonType)
	if r.ContentType != "" {
		req.Header.Set("Content-Type", r.ContentType)
	}
	return Answer(t, req)
}

// Answer makes req as it stands and checks that any failure is a problem
// document; it returns the status, the problem and the raw body.
func Answer(t *testing.T, req *http.Request) (int, httpx.Problem, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var p httpx.Problem
	if resp.StatusCode >= 400 {
		assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
		require.NoError(t, json.Unmarshal(raw, &p), "a problem document: %s", raw)
		assert.NotEmpty(t, p.Type)
	}
	assert.Less(t, resp.StatusCode, 500, "never a server failure: %s", raw)
	return resp.StatusCode, p, string(raw)
}

// Expect sends r as Send does and checks the answer is r.Want with exactly
// the problem type r.Problem ("" for a success); it returns the status and
// the raw body.
func Expect(t *testing.T, ctx context.Context, baseURL string, r BadRequest) (int, string) {
	t.Helper()
	status, problem, body := Send(t, ctx, baseURL, r)
	assert.Equal(t, r.Want, status, "body: %s", body)
	assert.Equal(t, r.Problem, problem.Type, "body: %s", body)
	return status, body
}
