package smsprovider_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

// deadline bounds every wait of a test.
const deadline = 10 * time.Second

func testContext(tb testing.TB) context.Context {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	tb.Cleanup(cancel)
	return ctx
}

// start serves a new provider for this test only.
func start(tb testing.TB) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(smsprovider.New().Handler())
	tb.Cleanup(srv.Close)
	return srv
}

// answer is one HTTP exchange's outcome.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// fresh is a client without keep-alive: each request gets its own
// connection, so a hung-up send is never retried by the transport.
var fresh = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}

// do sends one raw request; headers are name, value pairs.
func do(tb testing.TB, ctx context.Context, c *http.Client, method, url, body string, headers ...string) (answer, error) {
	tb.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	require.NoError(tb, err)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Add(headers[i], headers[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		return answer{}, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(tb, err)
	return answer{status: resp.StatusCode, header: resp.Header, body: raw}, nil
}

// mustDo is do that fails the test on a transport error.
func mustDo(tb testing.TB, ctx context.Context, method, url, body string, headers ...string) answer {
	tb.Helper()
	a, err := do(tb, ctx, fresh, method, url, body, headers...)
	require.NoError(tb, err)
	return a
}

// send posts one SMS under key.
func send(tb testing.TB, ctx context.Context, base, key, to, text string) (answer, error) {
	tb.Helper()
	body, err := json.Marshal(smsprovider.SendMessageRequest{To: to, Body: text})
	require.NoError(tb, err)
	return do(tb, ctx, fresh, http.MethodPost, base+"/v1/messages", string(body),
		"Content-Type", "application/json", smsprovider.HeaderIdempotencyKey, key)
}

// messages lists what the provider received under the raw query.
func messages(tb testing.TB, ctx context.Context, base, rawQuery string) []smsprovider.Message {
	tb.Helper()
	a := mustDo(tb, ctx, http.MethodGet, base+"/v1/messages?"+rawQuery, "")
	require.Equal(tb, http.StatusOK, a.status, string(a.body))
	var list smsprovider.MessageList
	require.NoError(tb, json.Unmarshal(a.body, &list))
	return list.Messages
}

// setFault puts a fault in force.
func setFault(tb testing.TB, ctx context.Context, base string, f smsprovider.Fault) smsprovider.FaultStatus {
	tb.Helper()
	body, err := json.Marshal(f)
	require.NoError(tb, err)
	a := mustDo(tb, ctx, http.MethodPut, base+"/v1/admin/faults", string(body), "Content-Type", "application/json")
	require.Equal(tb, http.StatusOK, a.status, string(a.body))
	var st smsprovider.FaultStatus
	require.NoError(tb, json.Unmarshal(a.body, &st))
	return st
}

// errorOf decodes an error answer and checks its shape.
func errorOf(tb testing.TB, a answer) smsprovider.ErrorDetail {
	tb.Helper()
	require.Equal(tb, "application/json", a.header.Get("Content-Type"))
	var e smsprovider.ErrorBody
	require.NoError(tb, json.Unmarshal(a.body, &e), "an error document: %s", a.body)
	require.NotEmpty(tb, e.Error.Code)
	require.NotEmpty(tb, e.Error.Message)
	return e.Error
}

// count returns how many messages the provider holds. It touches no
// testing.TB, so a condition of assert.Never, which may still run after
// the test returned, can call it.
func count(ctx context.Context, base string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v1/messages", nil)
	if err != nil {
		return 0, err
	}
	resp, err := fresh.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var list smsprovider.MessageList
	err = json.NewDecoder(resp.Body).Decode(&list)
	return len(list.Messages), err
}
