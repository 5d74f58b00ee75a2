package smsprovider_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

func TestSendRecordsTheMessage(t *testing.T) {
	t.Parallel()
	srv, ctx := start(t), testContext(t)

	a, err := send(t, ctx, srv.URL, "key-1", "+14155550123", "Hi Ada")
	require.NoError(t, err)
	require.Equal(t, http.StatusAccepted, a.status, string(a.body))
	var m smsprovider.Message
	require.NoError(t, json.Unmarshal(a.body, &m))
	assert.NotEmpty(t, m.ID)
	assert.Equal(t, "accepted", m.Status)
	assert.WithinDuration(t, time.Now(), m.ReceivedAt, time.Minute)

	got := messages(t, ctx, srv.URL, "")
	require.Len(t, got, 1)
	assert.Equal(t, m, got[0])
	assert.Equal(t, smsprovider.Message{ID: m.ID, To: "+14155550123", Body: "Hi Ada", IdempotencyKey: "key-1",
		ReceivedAt: m.ReceivedAt, Status: "accepted"}, got[0])
}

func TestTheProviderDoesNotDeduplicate(t *testing.T) {
	t.Parallel()
	srv, ctx := start(t), testContext(t)
	for range 2 {
		a, err := send(t, ctx, srv.URL, "same-key", "+14155550123", "Hi Ada")
		require.NoError(t, err)
		require.Equal(t, http.StatusAccepted, a.status)
	}
	got := messages(t, ctx, srv.URL, "idempotencyKey=same-key")
	require.Len(t, got, 2, "two sends with one key are two messages")
	assert.NotEqual(t, got[0].ID, got[1].ID)
}

func TestListFilters(t *testing.T) {
	t.Parallel()
	srv, ctx := start(t), testContext(t)
	for _, m := range []struct{ key, to string }{
		{"a", "+14155550001"}, {"b", "+14155550001"}, {"c", "+14155550002"},
	} {
		_, err := send(t, ctx, srv.URL, m.key, m.to, "hello")
		require.NoError(t, err)
	}
	keys := func(ms []smsprovider.Message) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.IdempotencyKey)
		}
		return out
	}
	assert.Equal(t, []string{"a", "b", "c"}, keys(messages(t, ctx, srv.URL, "")), "oldest first")
	assert.Equal(t, []string{"a", "b"}, keys(messages(t, ctx, srv.URL, "to=%2B14155550001")))
	assert.Equal(t, []string{"c"}, keys(messages(t, ctx, srv.URL, "idempotencyKey=c")))
	assert.Equal(t, []string{"b"}, keys(messages(t, ctx, srv.URL, "to=%2B14155550001&idempotencyKey=b")))
	assert.Empty(t, messages(t, ctx, srv.URL, "idempotencyKey=zzz"))
	assert.NotNil(t, messages(t, ctx, srv.URL, "idempotencyKey=zzz"), "an empty list, not null")
}

func TestResetForgetsEveryMessage(t *testing.T) {
	t.Parallel()
	srv, ctx := start(t), testContext(t)
	_, err := send(t, ctx, srv.URL, "k", "+14155550123", "hello")
	require.NoError(t, err)
	a := mustDo(t, ctx, http.MethodDelete, srv.URL+"/v1/messages", "")
	assert.Equal(t, http.StatusNoContent, a.status)
	assert.Empty(t, messages(t, ctx, srv.URL, ""))
}

func TestFailAnswers503WithoutRecordingForCountSends(t *testing.T) {
	t.Parallel()
	srv, ctx := start(t), testContext(t)
	st := setFault(t, ctx, srv.URL, smsprovider.Fault{Mode: smsprovider.ModeFail, Count: 2})
	assert.Equal(t, smsprovider.FaultStatus{Mode: smsprovider.ModeFail, Remaining: 2}, st)

	for i := range 2 {
		a, err := send(t, ctx, srv.URL, "k", "+14155550123", "hello")
		require.NoError(t, err)
		require.Equal(t, http.StatusServiceUnavailable, a.status, "send %d", i+1)
		assert.Equal(t, smsprovider.CodeServiceUnavailable, errorOf(t, a).Code)
	}
	assert.Empty(t, messages(t, ctx, srv.URL, ""), "a failed send records nothing")

	a, err := send(t, ctx, srv.URL, "k", "+14155550123", "hello")
	require.NoError(t, err)
	assert.Equal(t, http.StatusAccepted, a.status, "the fault cleared itself after two sends")
	assert.Len(t, messages(t, ctx, srv.URL, ""), 1)
	assert.Equal(t, smsprovider.FaultStatus{Mode: smsprovider.ModeNone}, faultStatus(t, srv.URL))
}

func TestCountZeroLastsUntilCleared(t *testing.T) {
	t.Parallel()
	srv, ctx := start(t), testContext(t)
	setFault(t, ctx, srv.URL, smsprovider.Fault{Mode: smsprovider.ModeFail})
	for range 5 {
		a, err := send(t, ctx, srv.URL, "k", "+14155550123", "hello")
		require.NoError(t, err)
		require.Equal(t, http.StatusServiceUnavailable, a.status)
	}
	assert.Equal(t, smsprovider.FaultStatus{Mode: smsprovider.ModeFail}, faultStatus(t, srv.URL))

	a := mustDo(t, ctx, http.MethodDelete, srv.URL+"/v1/admin/faults", "")
	require.Equal(t, http.StatusNoContent, a.status)
	a, err := send(t, ctx, srv.URL, "k", "+14155550123", "hello")
	require.NoError(t, err)
	assert.Equal(t, http.StatusAccepted, a.status)
}

func TestFaultsLeaveListingAlone(t *testing.T) {
	t.Parallel()
	srv, ctx := start(t), testContext(t)
	setFault(t, ctx, srv.URL, smsprovider.Fault{Mode: smsprovider.ModeFail, Count: 1})
	assert.Empty(t, messages(t, ctx, srv.URL, ""), "listing works during an outage")
	assert.Equal(t, 1, faultStatus(t, srv.URL).Remaining, "and does not use up the fault")
}

func TestSlowAnswersAfterTheDelay(t *testing.T) {
	t.Parallel()
	srv, ctx := start(t), testContext(t)
	setFault(t, ctx, srv.URL, smsprovider.Fault{Mode: smsprovider.ModeSlow, Count: 1, DelayMs: 300})

	began := time.Now()
	a, err := send(t, ctx, srv.URL, "k", "+14155550123", "hello")
	require.NoError(t, err)
	assert.Equal(t, http.StatusAccepted, a.status)
	assert.GreaterOrEqual(t, time.Since(began), 300*time.Millisecond)
	assert.Len(t, messages(t, ctx, srv.URL, ""), 1)

	began = time.Now()
	_, err = send(t, ctx, srv.URL, "k2", "+14155550123", "hello")
	require.NoError(t, err)
	assert.Less(t, time.Since(began), 300*time.Millisecond, "count 1: the next send is fast again")
}

func TestSlowRecordsNothingWhenTheSenderGivesUp(t *testing.T) {
	t.Parallel()
	srv, ctx := start(t), testContext(t)
	setFault(t, ctx, srv.URL, smsprovider.Fault{Mode: smsprovider.ModeSlow, Count: 1, DelayMs: 400})

	impatient := &http.Client{Timeout: 50 * time.Millisecond, Transport: &http.Transport{DisableKeepAlives: true}}
	_, err := do(t, ctx, impatient, http.MethodPost, srv.URL+"/v1/messages",
		`{"to":"+14155550123","body":"hello"}`, smsprovider.HeaderIdempotencyKey, "k")
	require.Error(t, err, "the sender times out")
	// Window: the delay (400 ms) plus 200 ms; had the provider gone on
	// with the abandoned send, the message would show up within it.
	assert.Never(t, func() bool { n, err := count(ctx, srv.URL); return err != nil || n > 0 },
		600*time.Millisecond, 20*time.Millisecond)
}

func TestDropRecordsButNeverAnswers(t *testing.T) {
	t.Parallel()
	srv, ctx := start(t), testContext(t)
	setFault(t, ctx, srv.URL, smsprovider.Fault{Mode: smsprovider.ModeDrop, Count: 1})

	_, err := send(t, ctx, srv.URL, "k", "+14155550123", "hello")
	require.Error(t, err, "the connection closes without an answer")
	got := messages(t, ctx, srv.URL, "idempotencyKey=k")
	require.Len(t, got, 1, "but the message arrived")
	assert.Equal(t, "hello", got[0].Body)

	a, err := send(t, ctx, srv.URL, "k2", "+14155550123", "hello")
	require.NoError(t, err)
	assert.Equal(t, http.StatusAccepted, a.status, "count 1: the next send is answered")
}

func TestDropOfABadSendRecordsNothing(t *testing.T) {
	t.Parallel()
	srv, ctx := start(t), testContext(t)
	setFault(t, ctx, srv.URL, smsprovider.Fault{Mode: smsprovider.ModeDrop, Count: 1})
	_, err := do(t, ctx, fresh, http.MethodPost, srv.URL+"/v1/messages", `{"to":"nope","body":"x"}`,
		smsprovider.HeaderIdempotencyKey, "k")
	require.Error(t, err)
	assert.Empty(t, messages(t, ctx, srv.URL, ""))
}

func TestFaultStatusAndHealth(t *testing.T) {
	t.Parallel()
	srv, ctx := start(t), testContext(t)
	assert.Equal(t, smsprovider.FaultStatus{Mode: smsprovider.ModeNone}, faultStatus(t, srv.URL))
	st := setFault(t, ctx, srv.URL, smsprovider.Fault{Mode: smsprovider.ModeSlow, DelayMs: 5})
	assert.Equal(t, smsprovider.FaultStatus{Mode: smsprovider.ModeSlow, DelayMs: 5}, st)
	assert.Equal(t, st, faultStatus(t, srv.URL))

	a := mustDo(t, ctx, http.MethodGet, srv.URL+"/healthz", "")
	assert.Equal(t, http.StatusOK, a.status)
	assert.JSONEq(t, `{"status":"ok"}`, string(a.body))
}

func faultStatus(t *testing.T, base string) smsprovider.FaultStatus {
	t.Helper()
	a := mustDo(t, testContext(t), http.MethodGet, base+"/v1/admin/faults", "")
	require.Equal(t, http.StatusOK, a.status)
	var st smsprovider.FaultStatus
	require.NoError(t, json.Unmarshal(a.body, &st))
	return st
}

func TestAFaultForOneNumberLeavesOthersAlone(t *testing.T) {
	t.Parallel()
	srv, ctx := start(t), testContext(t)
	const broken, fine = "+14155550001", "+14155550002"
	setFault(t, ctx, srv.URL, smsprovider.Fault{Mode: smsprovider.ModeFail, Count: 1, To: broken})

	a, err := send(t, ctx, srv.URL, "k1", fine, "hello")
	require.NoError(t, err)
	assert.Equal(t, http.StatusAccepted, a.status, "another number is not affected")
	a, err = send(t, ctx, srv.URL, "k2", broken, "hello")
	require.NoError(t, err)
	assert.Equal(t, http.StatusServiceUnavailable, a.status, "the broken number fails")
	a, err = send(t, ctx, srv.URL, "k3", broken, "hello")
	require.NoError(t, err)
	assert.Equal(t, http.StatusAccepted, a.status, "its fault was used up")
}

func TestEveryHitsOneSendInEvery(t *testing.T) {
	t.Parallel()
	srv, ctx := start(t), testContext(t)
	st := setFault(t, ctx, srv.URL, smsprovider.Fault{Mode: smsprovider.ModeFail, Every: 2})
	assert.Equal(t, smsprovider.FaultStatus{Mode: smsprovider.ModeFail, Every: 2}, st)
	var statuses []int
	for i := range 6 {
		a, err := send(t, ctx, srv.URL, fmt.Sprintf("k%d", i), "+14155550123", "hello")
		require.NoError(t, err)
		statuses = append(statuses, a.status)
	}
	accepted, failed := http.StatusAccepted, http.StatusServiceUnavailable
	assert.Equal(t, []int{accepted, failed, accepted, failed, accepted, failed}, statuses, "every second send fails")
	assert.Len(t, messages(t, ctx, srv.URL, ""), 3)

	a := mustDo(t, ctx, http.MethodPut, srv.URL+"/v1/admin/faults", `{"mode":"fail","every":-1}`)
	assert.Equal(t, http.StatusBadRequest, a.status)
}
