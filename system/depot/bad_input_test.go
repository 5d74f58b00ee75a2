package depot_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/depot/depotapi"
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
	r := start(t)
	cafe := r.newStore(t, "Cafe", "Level 1")
	r.awaitStores(t, cafe)
	bot := r.bot(t, "Robbie")
	pending := r.create(t, msg.NewID(), item(cafe, "cup", 1))
	available := r.readyList(t, msg.NewID(), item(cafe, "mug", 1))
	assignBody := `{"botId":"` + bot.ID + `"}`

	var tests []badRequest
	tests = append(tests, bodyCases("register", "/api/bots", `{"name":"Robbie"}`)...)
	tests = append(tests, []badRequest{
		{"register/blank name", "POST", "/api/bots", jsonType, `{"name":"  "}`, 400},
		{"register/wrong-typed name", "POST", "/api/bots", jsonType, `{"name":7}`, 400},
		{"register/NUL in name", "POST", "/api/bots", jsonType, `{"name":"R\u0000b"}`, 400},
		{"register/name too long", "POST", "/api/bots", jsonType, `{"name":"` + strings.Repeat("é", 201) + `"}`, 400},
		{"register/huge body", "POST", "/api/bots", jsonType, `{"name":"` + strings.Repeat("a", httpx.MaxBodyBytes) + `"}`, 413},
		{"register/GET", "GET", "/api/bots", "", "", 405},
		{"register/PUT", "PUT", "/api/bots", jsonType, `{"name":"Robbie"}`, 405},
	}...)
	tests = append(tests, idCases("get bot", "GET", "/api/bots/", "", "")...)
	tests = append(tests, []badRequest{
		{"get bot/DELETE", "DELETE", "/api/bots/" + bot.ID, "", "", 405},
		{"get bot/unknown sub-resource", "GET", "/api/bots/" + bot.ID + "/lists", "", "", 404},
	}...)

	tests = append(tests, []badRequest{
		{"lists/unknown status", "GET", "/api/shopping-lists?status=lost", "", "", 400},
		{"lists/status in capitals", "GET", "/api/shopping-lists?status=AVAILABLE", "", "", 400},
		{"lists/status twice", "GET", "/api/shopping-lists?status=available&status=pending", "", "", 400},
		{"lists/NUL in order id", "GET", "/api/shopping-lists?orderId=%00", "", "", 400},
		{"lists/invalid UTF-8 order id", "GET", "/api/shopping-lists?orderId=%FF%FE", "", "", 400},
		{"lists/order id too long", "GET", "/api/shopping-lists?orderId=" + strings.Repeat("o", 129), "", "", 400},
		{"lists/unknown parameter", "GET", "/api/shopping-lists?botId=" + bot.ID, "", "", 400},
		{"lists/malformed query", "GET", "/api/shopping-lists?status=%zz", "", "", 400},
		{"lists/POST", "POST", "/api/shopping-lists", jsonType, `{}`, 405},
	}...)
	tests = append(tests, idCases("get list", "GET", "/api/shopping-lists/", "", "")...)
	tests = append(tests, badRequest{"get list/PUT", "PUT", "/api/shopping-lists/" + available, jsonType, `{}`, 405})

	for _, action := range []string{"assign", "complete"} {
		path := "/api/shopping-lists/" + available + "/" + action
		tests = append(tests, bodyCases(action, path, assignBody)...)
		tests = append(tests, idCases(action, "POST", "/api/shopping-lists/", "/"+action, assignBody)...)
		tests = append(tests, []badRequest{
			{action + "/wrong-typed bot", "POST", path, jsonType, `{"botId":42}`, 400},
			{action + "/NUL in bot id", "POST", path, jsonType, `{"botId":"\u0000"}`, 400},
			{action + "/bot id too long", "POST", path, jsonType, `{"botId":"` + strings.Repeat("b", 129) + `"}`, 400},
			{action + "/unknown bot", "POST", path, jsonType, `{"botId":"` + msg.NewID() + `"}`, 404},
			{action + "/malformed bot id", "POST", path, jsonType, `{"botId":"robbie"}`, 404},
			{action + "/GET", "GET", path, "", "", 405},
		}...)
	}
	tests = append(tests, []badRequest{
		{"assign/pending list", "POST", "/api/shopping-lists/" + pending + "/assign", jsonType, assignBody, 409},
		{"complete/unassigned list", "POST", "/api/shopping-lists/" + available + "/complete", jsonType, assignBody, 409},
		{"unknown path", "GET", "/api/shopping-lists/" + available + "/route", "", "", 404},
	}...)

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assertProblem(t, r.env.URL, tt)
		})
	}
	l, err := r.c.ShoppingList(t.Context(), available)
	require.NoError(t, err)
	assert.Equal(t, depotapi.StatusAvailable, l.Status, "no bad request changed the list")
}

// bodyCases are the malformed documents every endpoint with a body refuses.
func bodyCases(endpoint, path, valid string) []badRequest {
	return []badRequest{
		{endpoint + "/malformed JSON", "POST", path, jsonType, `{"name":`, 400},
		{endpoint + "/not JSON", "POST", path, jsonType, `hello`, 400},
		{endpoint + "/missing fields", "POST", path, jsonType, `{}`, 400},
		{endpoint + "/null", "POST", path, jsonType, `null`, 400},
		{endpoint + "/array", "POST", path, jsonType, `[]`, 400},
		{endpoint + "/string", "POST", path, jsonType, `"x"`, 400},
		{endpoint + "/unknown field", "POST", path, jsonType, valid[:len(valid)-1] + `,"vip":true}`, 400},
		{endpoint + "/two documents", "POST", path, jsonType, valid + valid, 400},
		{endpoint + "/empty body", "POST", path, jsonType, ``, 400},
		{endpoint + "/blank body", "POST", path, jsonType, "  \n", 400},
		{endpoint + "/no content type, empty body", "POST", path, "", ``, 400},
		{endpoint + "/wrong content type", "POST", path, "text/plain", valid, 415},
		{endpoint + "/form content type", "POST", path, "application/x-www-form-urlencoded", `name=Robbie`, 415},
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
