package client_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

func TestSMSProviderClient(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(smsprovider.New().Handler())
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	c := client.New(map[string]string{"smsprovider": srv.URL}, nil)

	m, err := c.SendSMS(ctx, "k-1", smsprovider.SendMessageRequest{To: "+14155550123", Body: "Hi Ada"})
	require.NoError(t, err)
	assert.Equal(t, "k-1", m.IdempotencyKey)
	_, err = c.SendSMS(ctx, "k-2", smsprovider.SendMessageRequest{To: "+14155550124", Body: "Hi Bob"})
	require.NoError(t, err)

	got, err := c.SMSMessages(ctx, client.SMSFilter{IdempotencyKey: "k-1"})
	require.NoError(t, err)
	assert.Equal(t, []smsprovider.Message{m}, got)
	got, err = c.SMSMessages(ctx, client.SMSFilter{To: "+14155550124"})
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, "Hi Bob", got[0].Body)

	st, err := c.SetSMSFault(ctx, smsprovider.Fault{Mode: smsprovider.ModeFail, Count: 1})
	require.NoError(t, err)
	assert.Equal(t, smsprovider.FaultStatus{Mode: smsprovider.ModeFail, Remaining: 1}, st)
	_, err = c.SendSMS(ctx, "k-3", smsprovider.SendMessageRequest{To: "+14155550123", Body: "Hi"})
	assert.Equal(t, 503, client.StatusOf(err))

	_, err = c.SetSMSFault(ctx, smsprovider.Fault{Mode: "explode"})
	assert.Equal(t, 400, client.StatusOf(err))
	assert.ErrorContains(t, err, "invalid_request")

	_, err = c.SetSMSFault(ctx, smsprovider.Fault{Mode: smsprovider.ModeDrop})
	require.NoError(t, err)
	require.NoError(t, c.ClearSMSFault(ctx))
	st, err = c.SMSFault(ctx)
	require.NoError(t, err)
	assert.Equal(t, smsprovider.ModeNone, st.Mode)

	require.NoError(t, c.ResetSMSMessages(ctx))
	got, err = c.SMSMessages(ctx, client.SMSFilter{})
	require.NoError(t, err)
	assert.Empty(t, got)
}
