package customers_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/msg"
)

const jsonType = "application/json"

type badRequest struct {
	name        string
	method      string
	path        string
	contentType string
	body        string
	want        int
}

// TestBadInput sends every endpoint input it must refuse and checks that the
// answer is the expected 4xx as problem details, never a 5xx.
func TestBadInput(t *testing.T) {
	t.Parallel()
	env, c := startCustomers(t)
	id := register(t, c, "Bad Input Bea", "+14155550103").ID
	const number = `{"smsNumber":"+14155550104"}`
	huge := `{"name":"` + strings.Repeat("a", httpx.MaxBodyBytes) + `","smsNumber":"+14155550104"}`

	var tests []badRequest
	tests = append(tests, bodyCases("register", "/api/customers", `{"name":"Ann","smsNumber":"+14155550104"}`)...)
	tests = append(tests, []badRequest{
		{"register/missing name", "POST", "/api/customers", jsonType, `{"smsNumber":"+14155550104"}`, 400},
		{"register/missing number", "POST", "/api/customers", jsonType, `{"name":"Ann"}`, 400},
		{"register/wrong-typed name", "POST", "/api/customers", jsonType, `{"name":5,"smsNumber":"+14155550104"}`, 400},
		{"register/NUL in name", "POST", "/api/customers", jsonType, `{"name":"A\u0000B","smsNumber":"+14155550104"}`, 400},
		{"register/name too long", "POST", "/api/customers", jsonType, `{"name":"` + strings.Repeat("é", 201) + `","smsNumber":"+14155550104"}`, 400},
		{"register/bad number", "POST", "/api/customers", jsonType, `{"name":"Ann","smsNumber":"555-0104"}`, 400},
		{"register/huge body", "POST", "/api/customers", jsonType, huge, 413},
		{"register/GET", "GET", "/api/customers", "", "", 405},
		{"register/PUT", "PUT", "/api/customers", jsonType, `{"name":"Ann","smsNumber":"+14155550104"}`, 405},
		{"register/trailing slash", "POST", "/api/customers/", jsonType, `{"name":"Ann","smsNumber":"+14155550104"}`, 404},
	}...)
	tests = append(tests, idCases("get", "GET", "/api/customers/", "", "")...)
	tests = append(tests, []badRequest{
		{"get/DELETE", "DELETE", "/api/customers/" + id, "", "", 405},
		{"get/unknown sub-resource", "GET", "/api/customers/" + id + "/orders", "", "", 404},
	}...)
	change := "/api/customers/" + id + "/change-sms-number"
	tests = append(tests, bodyCases("change-sms-number", change, number)...)
	tests = append(tests, idCases("change-sms-number", "POST", "/api/customers/", "/change-sms-number", number)...)
	tests = append(tests, []badRequest{
		{"change-sms-number/wrong-typed number", "POST", change, jsonType, `{"smsNumber":14155550104}`, 400},
		{"change-sms-number/bad number", "POST", change, jsonType, `{"smsNumber":"+0"}`, 400},
		{"change-sms-number/GET", "GET", change, "", "", 405},
	}...)
	for _, action := range []string{"enable", "disable"} {
		path := "/api/customers/" + id + "/" + action
		tests = append(tests, idCases(action, "POST", "/api/customers/", "/"+action, "")...)
		tests = append(tests, []badRequest{
			{action + "/malformed JSON", "POST", path, jsonType, `{"force":`, 400},
			{action + "/unknown field", "POST", path, jsonType, `{"force":true}`, 400},
			{action + "/not an object", "POST", path, jsonType, `[]`, 400},
			{action + "/wrong content type", "POST", path, "text/plain", `{}`, 415},
			{action + "/GET", "GET", path, "", "", 405},
		}...)
	}
	tests = append(tests, badRequest{"enable/already enabled", "POST", "/api/customers/" + id + "/enable", "", "", 409})

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assertProblem(t, env.URL, tt)
		})
	}
}

// bodyCases are the malformed documents every endpoint with a body refuses.
func bodyCases(endpoint, path, valid string) []badRequest {
	return []badRequest{
		{endpoint + "/malformed JSON", "POST", path, jsonType, `{"name":`, 400},
		{endpoint + "/not JSON", "POST", path, jsonType, `hello`, 400},
		{endpoint + "/missing fields", "POST", path, jsonType, `{}`, 400},
		{endpoint + "/null", "POST", path, jsonType, `null`, 400},
		{endpoint + "/array", "POST", path, jsonType, `[]`, 400},
		{endpoint + "/wrong-typed field", "POST", path, jsonType, `{"smsNumber":["+14155550104"]}`, 400},
		{endpoint + "/unknown field", "POST", path, jsonType, valid[:len(valid)-1] + `,"vip":true}`, 400},
		{endpoint + "/two documents", "POST", path, jsonType, valid + valid, 400},
		{endpoint + "/empty body", "POST", path, jsonType, ``, 400},
		{endpoint + "/blank body", "POST", path, jsonType, "  \n", 400},
		{endpoint + "/no content type, empty body", "POST", path, "", ``, 400},
		{endpoint + "/wrong content type", "POST", path, "text/plain", valid, 415},
		{endpoint + "/form content type", "POST", path, "application/x-www-form-urlencoded", `name=Ann`, 415},
		{endpoint + "/garbled content type", "POST", path, "json;;;", valid, 415},
	}
}

// idCases are the ids an endpoint must answer 404 for: unknown, malformed,
// and bytes Postgres cannot hold as text.
func idCases(endpoint, method, prefix, suffix, body string) []badRequest {
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
	var cases []badRequest
	for name, id := range ids {
		cases = append(cases, badRequest{endpoint + "/" + name, method, prefix + id + suffix, ct, body, 404})
	}
	return cases
}

func assertProblem(t *testing.T, baseURL string, tt badRequest) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), tt.method, baseURL+tt.path, strings.NewReader(tt.body))
	require.NoError(t, err)
	if tt.contentType != "" {
		req.Header.Set("Content-Type", tt.contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)

	require.Less(t, resp.StatusCode, 500, "never a server error: %s", data)
	assert.Equal(t, tt.want, resp.StatusCode, "%s", data)
	assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
	var p httpx.Problem
	require.NoError(t, json.Unmarshal(data, &p), "problem document: %s", data)
	assert.True(t, strings.HasPrefix(p.Type, httpx.ProblemBase), "stable problem type, got %q", p.Type)
	assert.Equal(t, resp.StatusCode, p.Status)
	assert.NotEmpty(t, p.CorrelationID)
}
