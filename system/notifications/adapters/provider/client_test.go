package provider_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/notifications/adapters/provider"
	"github.com/mallbots/mallbots/system/notifications/app"
	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

func setup(t *testing.T) (*httptest.Server, *provider.Client, context.Context) {
	t.Helper()
	srv := httptest.NewServer(smsprovider.New().Handler())
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return srv, provider.New(srv.URL, 2*time.Second), ctx
}

// admin talks to the provider's admin API on connections of its own, so
// that the client under test keeps its keep-alive connection idle.
var admin = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}

func fault(t *testing.T, ctx context.Context, base string, f smsprovider.Fault) {
	t.Helper()
	body, err := json.Marshal(f)
	require.NoError(t, err)
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, base+"/v1/admin/faults", bytes.NewReader(body))
	require.NoError(t, err)
	resp, err := admin.Do(req)
	require.NoError(t, err)
	_ = resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
}

func TestSendAndFind(t *testing.T) {
	t.Parallel()
	srv, c, ctx := setup(t)
	_, found, err := c.Find(ctx, "k")
	require.NoError(t, err)
	assert.False(t, found)

	id, err := c.Send(ctx, "k", "+14155550123", "Hi Ada")
	require.NoError(t, err)
	got, found, err := c.Find(ctx, "k")
	require.NoError(t, err)
	assert.True(t, found)
	assert.Equal(t, id, got)
	assert.NotEmpty(t, srv.URL)
}

// TestADroppedAnswerOnAReusedConnectionIsNotReplayed guards against
// net/http replaying a POST with an Idempotency-Key header when a reused
// keep-alive connection breaks: the provider does not deduplicate, so a
// replay would be a second SMS the sender never decided on.
func TestADroppedAnswerOnAReusedConnectionIsNotReplayed(t *testing.T) {
	t.Parallel()
	srv, c, ctx := setup(t)
	_, err := c.Send(ctx, "warm-up", "+14155550123", "first")
	require.NoError(t, err, "this send leaves a keep-alive connection to reuse")
	fault(t, ctx, srv.URL, smsprovider.Fault{Mode: smsprovider.ModeDrop, Count: 1})

	_, err = c.Send(ctx, "dropped", "+14155550123", "second")
	require.Error(t, err)
	assert.NotErrorIs(t, err, app.ErrNotAccepted, "the outcome is unknown")
	assert.NotErrorIs(t, err, app.ErrRejected, "the outcome is unknown")

	var list smsprovider.MessageList
	resp, err := admin.Get(srv.URL + "/v1/messages?idempotencyKey=dropped")
	require.NoError(t, err)
	defer resp.Body.Close()
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&list))
	assert.Len(t, list.Messages, 1, "sent once, not replayed")
}

func TestFailuresAreClassified(t *testing.T) {
	t.Parallel()
	srv, c, ctx := setup(t)

	fault(t, ctx, srv.URL, smsprovider.Fault{Mode: smsprovider.ModeFail, Count: 1})
	_, err := c.Send(ctx, "k", "+14155550123", "Hi")
	assert.ErrorIs(t, err, app.ErrNotAccepted, "503: try again later")
	assert.ErrorContains(t, err, "503")

	_, err = c.Send(ctx, "k", "not a number", "Hi")
	assert.ErrorIs(t, err, app.ErrRejected, "400: never like this")
	assert.ErrorContains(t, err, "E.164")

	slow := provider.New(srv.URL, 50*time.Millisecond)
	fault(t, ctx, srv.URL, smsprovider.Fault{Mode: smsprovider.ModeSlow, Count: 1, DelayMs: 500})
	_, err = slow.Send(ctx, "k", "+14155550123", "Hi")
	require.Error(t, err)
	assert.NotErrorIs(t, err, app.ErrNotAccepted, "a timeout leaves the outcome unknown")
	assert.NotErrorIs(t, err, app.ErrRejected)

	down := provider.New("http://127.0.0.1:1", time.Second)
	_, err = down.Send(ctx, "k", "+14155550123", "Hi")
	require.Error(t, err)
	assert.NotErrorIs(t, err, app.ErrNotAccepted, "no answer leaves the outcome unknown")
	_, _, err = down.Find(ctx, "k")
	assert.Error(t, err)
}
