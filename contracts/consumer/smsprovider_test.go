//go:build pact

package consumer

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/pact-foundation/pact-go/v2/consumer"
	"github.com/pact-foundation/pact-go/v2/matchers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/notifications/adapters/provider"
	"github.com/mallbots/mallbots/system/notifications/app"
)

// Provider states of the SMS provider (verified against the stand-in,
// thirdparty/smsprovider).
const (
	StateSMSSent        = "a message was sent under key order-1-created"
	StateSMSUnavailable = "the provider is unavailable"
)

const smsKey = "order-1-created"

func smsClient(cfg consumer.MockServerConfig) *provider.Client {
	return provider.New(fmt.Sprintf("http://%s:%d", cfg.Host, cfg.Port), 5*time.Second)
}

func sendRequest(to string) consumer.V4RequestBuilderFunc {
	return func(b *consumer.V4RequestBuilder) {
		b.Header("Content-Type", matchers.S("application/json")).
			Header("Idempotency-Key", matchers.Like(smsKey)).
			JSONBody(map[string]any{"to": to, "body": matchers.Like("Hi Ada, your order is on its way")})
	}
}

func smsError(code string) consumer.V4ResponseBuilderFunc {
	return func(b *consumer.V4ResponseBuilder) {
		b.Header("Content-Type", matchers.S("application/json")).
			JSONBody(map[string]any{"error": map[string]any{"code": code, "message": matchers.Like("why")}})
	}
}

func TestNotificationsSendsAnSMS(t *testing.T) {
	err := httpPact(t, "notifications", pactkit.SMSProvider).AddInteraction().
		UponReceiving("a send of an SMS").
		WithRequest(http.MethodPost, "/v1/messages", sendRequest("+14155550123")).
		WillRespondWith(http.StatusAccepted, func(b *consumer.V4ResponseBuilder) {
			b.Header("Content-Type", matchers.S("application/json")).
				JSONBody(map[string]any{"id": matchers.Like("msg-1"), "idempotencyKey": matchers.Like(smsKey)})
		}).
		ExecuteTest(t, func(cfg consumer.MockServerConfig) error {
			id, err := smsClient(cfg).Send(ctx(t), smsKey, "+14155550123", "Hi Ada, your order is on its way")
			require.NoError(t, err)
			assert.Equal(t, "msg-1", id)
			return err
		})
	require.NoError(t, err)
}

func TestNotificationsSendIsRejected(t *testing.T) {
	err := httpPact(t, "notifications", pactkit.SMSProvider).AddInteraction().
		UponReceiving("a send of an SMS to a number that is not E.164").
		WithRequest(http.MethodPost, "/v1/messages", sendRequest("not a number")).
		WillRespondWith(http.StatusBadRequest, smsError("invalid_request")).
		ExecuteTest(t, func(cfg consumer.MockServerConfig) error {
			_, err := smsClient(cfg).Send(ctx(t), smsKey, "not a number", "Hi Ada, your order is on its way")
			assert.ErrorIs(t, err, app.ErrRejected, "400: never like this")
			return nil
		})
	require.NoError(t, err)
}

func TestNotificationsSendIsNotAccepted(t *testing.T) {
	err := httpPact(t, "notifications", pactkit.SMSProvider).AddInteraction().
		Given(StateSMSUnavailable).
		UponReceiving("a send of an SMS while the provider is unavailable").
		WithRequest(http.MethodPost, "/v1/messages", sendRequest("+14155550123")).
		WillRespondWith(http.StatusServiceUnavailable, smsError("service_unavailable")).
		ExecuteTest(t, func(cfg consumer.MockServerConfig) error {
			_, err := smsClient(cfg).Send(ctx(t), smsKey, "+14155550123", "Hi Ada, your order is on its way")
			assert.ErrorIs(t, err, app.ErrNotAccepted, "503: try again later")
			return nil
		})
	require.NoError(t, err)
}

func TestNotificationsFindsASentSMS(t *testing.T) {
	err := httpPact(t, "notifications", pactkit.SMSProvider).AddInteraction().
		Given(StateSMSSent).
		UponReceiving("a search for the message sent under a key").
		WithRequest(http.MethodGet, "/v1/messages", func(b *consumer.V4RequestBuilder) {
			b.Query("idempotencyKey", matchers.S(smsKey))
		}).
		WillRespondWith(http.StatusOK, func(b *consumer.V4ResponseBuilder) {
			b.Header("Content-Type", matchers.S("application/json")).
				JSONBody(map[string]any{"messages": matchers.EachLike(map[string]any{
					"id": matchers.Like("msg-1"), "idempotencyKey": smsKey}, 1)})
		}).
		ExecuteTest(t, func(cfg consumer.MockServerConfig) error {
			id, found, err := smsClient(cfg).Find(ctx(t), smsKey)
			require.NoError(t, err)
			assert.True(t, found)
			assert.Equal(t, "msg-1", id)
			return err
		})
	require.NoError(t, err)
}

func TestNotificationsFindsNoSMS(t *testing.T) {
	err := httpPact(t, "notifications", pactkit.SMSProvider).AddInteraction().
		UponReceiving("a search under a key no message was sent under").
		WithRequest(http.MethodGet, "/v1/messages", func(b *consumer.V4RequestBuilder) {
			b.Query("idempotencyKey", matchers.S("order-2-created"))
		}).
		WillRespondWith(http.StatusOK, func(b *consumer.V4ResponseBuilder) {
			b.Header("Content-Type", matchers.S("application/json")).
				JSONBody(map[string]any{"messages": []any{}})
		}).
		ExecuteTest(t, func(cfg consumer.MockServerConfig) error {
			_, found, err := smsClient(cfg).Find(ctx(t), "order-2-created")
			require.NoError(t, err)
			assert.False(t, found)
			return err
		})
	require.NoError(t, err)
}
