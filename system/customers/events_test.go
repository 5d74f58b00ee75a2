package customers_test

import (
	"testing"

	"github.com/mallbots/mallbots/internal/systest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func TestEventsCarryFullStateAndCorrelation(t *testing.T) {
	t.Parallel()
	env, c := startCustomers(t)
	events := systest.ReadWire(t, env.NATS.URL(), msg.AllEvents(customersapi.Context))
	correlation := "checkout-" + msg.NewID()
	ctx := msg.WithMeta(t.Context(), msg.Meta{CorrelationID: correlation})

	cu, err := c.RegisterCustomer(ctx, customersapi.RegisterCustomer{Name: "Grace Hopper", SmsNumber: "+14155550100"})
	require.NoError(t, err)
	registered := events.Next(t)
	assert.Equal(t, "CustomerRegistered", registered.Name)
	assert.Equal(t, customersapi.Subject("CustomerRegistered"), registered.Subject)
	assert.Equal(t, cu.ID, registered.AggregateID)
	assert.Equal(t, 1, registered.AggregateVersion)
	assert.Equal(t, correlation, registered.CorrelationID, "the X-Correlation-ID sent flows into the event")
	assert.NotEmpty(t, registered.CausationID)
	assert.Equal(t, customersapi.Customer{ID: cu.ID, Name: "Grace Hopper", SmsNumber: "+14155550100", Enabled: true},
		systest.Payload[customersapi.CustomerRegistered](t, registered).Customer)
	t.Logf("CustomerRegistered on the wire: %s", systest.MustJSON(t, registered))

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
		got := events.Next(t)
		assert.Equal(t, w.name, got.Name)
		assert.Equal(t, i+2, got.AggregateVersion, "%s version", w.name)
		assert.Equal(t, correlation, got.CorrelationID, "%s correlation", w.name)
		assert.Equal(t, w.state, systest.Payload[customersapi.Customer](t, got), "%s carries the full state", w.name)
	}
}
