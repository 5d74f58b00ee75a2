package customers_test

import (
	"testing"

	"github.com/mallbots/mallbots/internal/systest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func TestAuthorizeCustomer(t *testing.T) {
	t.Parallel()
	env, c := startCustomers(t)
	b, err := bus.Connect(t.Context(), env.NATS.URL(), "customers-test")
	require.NoError(t, err)
	t.Cleanup(b.Close)

	enabled := register(t, c, "Enabled Ed", "+14155550101")
	disabled := register(t, c, "Disabled Di", "+14155550102")
	_, err = c.DisableCustomer(t.Context(), disabled.ID)
	require.NoError(t, err)

	tests := []struct {
		name       string
		customerID string
		outcome    string
		reason     string
	}{
		{"enabled customer", enabled.ID, command.Succeeded, ""},
		{"disabled customer", disabled.ID, command.Failed, "customer " + disabled.ID + " is disabled"},
		{"unknown customer", "0190b7e2-0000-7000-8000-000000000000", command.Failed,
			`customer "0190b7e2-0000-7000-8000-000000000000" is not registered`},
		{"malformed id", "not-a-uuid", command.Failed, `customer "not-a-uuid" is not registered`},
		{"NUL in id", "\x00", command.Failed, `customer "\x00" is not registered`},
		{"missing id", "", command.Failed, `customer "" is not registered`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sagaID := "saga-" + msg.NewID()
			replyTo := "mallbots.test.replies." + msg.NewID()
			replies := systest.ReadWire(t, env.NATS.URL(), replyTo)
			cmd, err := msg.New(t.Context(), customersapi.AuthorizeCustomerSubject, customersapi.AuthorizeCustomerCommand,
				customersapi.AuthorizeCustomer{CustomerID: tt.customerID},
				msg.WithHeader(command.HeaderReplyTo, replyTo), msg.WithHeader(command.HeaderSagaID, sagaID))
			require.NoError(t, err)
			require.NoError(t, b.Publish(t.Context(), cmd))

			got := replies.Next(t)
			assert.Equal(t, command.ReplyName(customersapi.AuthorizeCustomerCommand), got.Name)
			assert.Equal(t, sagaID, got.Header(command.HeaderSagaID), "the saga id comes back")
			assert.Empty(t, got.Header(command.HeaderReplyTo), "a reply is not itself a command")
			assert.Equal(t, cmd.CorrelationID, got.CorrelationID)
			assert.Equal(t, cmd.ID, got.CausationID, "the reply is caused by the command")
			reply := systest.Payload[command.Reply](t, got)
			assert.Equal(t, customersapi.AuthorizeCustomerCommand, reply.Command)
			assert.Equal(t, tt.outcome, reply.Outcome)
			assert.Equal(t, tt.reason, reply.Reason)
			if tt.outcome == command.Succeeded {
				var result customersapi.AuthorizeCustomerResult
				require.NoError(t, reply.Decode(&result))
				assert.Equal(t, tt.customerID, result.CustomerID)
				t.Logf("command: %s\nreply: %s", systest.MustJSON(t, cmd), systest.MustJSON(t, got))
			}
		})
	}
}
