package customers_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func TestEventsCarryFullStateAndCorrelation(t *testing.T) {
	t.Parallel()
	env, c := startCustomers(t)
	events := readWire(t, env.NATS.URL(), msg.AllEvents(customersapi.Context))
	correlation := "checkout-" + msg.NewID()
	ctx := msg.WithMeta(t.Context(), msg.Meta{CorrelationID: correlation})

	cu, err := c.RegisterCustomer(ctx, customersapi.RegisterCustomer{Name: "Grace Hopper", SmsNumber: "+14155550100"})
	require.NoError(t, err)
	registered := events.next(t)
	assert.Equal(t, "CustomerRegistered", registered.Name)
	assert.Equal(t, customersapi.Subject("CustomerRegistered"), registered.Subject)
	assert.Equal(t, cu.ID, registered.AggregateID)
	assert.Equal(t, 1, registered.AggregateVersion)
	assert.Equal(t, correlation, registered.CorrelationID, "the X-Correlation-ID sent flows into the event")
	assert.NotEmpty(t, registered.CausationID)
	assert.Equal(t, customersapi.Customer{ID: cu.ID, Name: "Grace Hopper", SmsNumber: "+14155550100", Enabled: true},
		payload[customersapi.CustomerRegistered](t, registered).Customer)
	t.Logf("CustomerRegistered on the wire: %s", mustJSON(t, registered))

	_, err = c.ChangeSmsNumber(ctx, cu.ID, customersapi.ChangeSmsNumber{SmsNumber: "+14155550199"})
	require.NoError(t, err)
	_, err = c.ChangeSmsNumber(ctx, cu.ID, customersapi.ChangeSmsNumber{SmsNumber: "+14155550199"})
	require.NoError(t, err)
	_, err = c.DisableCustomer(ctx, cu.ID)
	require.NoError(t, err)
	_, err = c.EnableCustomer(ctx, cu.ID)
	require.NoError(t, err)

	// The repeated number publishes nothing: the next events are exactly the
	// change, the disable and the enable, at consecutive versions.
	want := []struct {
		name  string
		state customersapi.Customer
	}{
		{"CustomerSmsNumberChanged", customersapi.Customer{ID: cu.ID, Name: "Grace Hopper", SmsNumber: "+14155550199", Enabled: true}},
		{"CustomerDisabled", customersapi.Customer{ID: cu.ID, Name: "Grace Hopper", SmsNumber: "+14155550199", Enabled: false}},
		{"CustomerEnabled", customersapi.Customer{ID: cu.ID, Name: "Grace Hopper", SmsNumber: "+14155550199", Enabled: true}},
	}
	for i, w := range want {
		got := events.next(t)
		assert.Equal(t, w.name, got.Name)
		assert.Equal(t, i+2, got.AggregateVersion, "%s version", w.name)
		assert.Equal(t, correlation, got.CorrelationID, "%s correlation", w.name)
		assert.Equal(t, w.state, payload[customersapi.Customer](t, got), "%s carries the full state", w.name)
	}
}

// payload decodes an envelope's payload into T.
func payload[T any](t *testing.T, env msg.Envelope) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal(env.Payload, &v), "payload of %s: %s", env.Name, env.Payload)
	return v
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err)
	return string(data)
}
