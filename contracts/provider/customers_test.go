//go:build pact

package provider

import (
	"testing"

	"github.com/pact-foundation/pact-go/v2/message"
	"github.com/pact-foundation/pact-go/v2/models"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/customers"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/host"
)

// TestCustomersMessages produces each customers event through the REST
// command that emits it and verifies the envelope read back from JetStream.
func TestCustomersMessages(t *testing.T) {
	t.Parallel() // its own host, broker and database: independent of the others
	env := systest.Start(t, []host.Module{customers.Module{}})
	c := typed(env.URL, customersapi.Context)
	w := pactkit.Listen(t, env.NATS.URL())
	var id string
	register := func() error {
		cu, err := c.RegisterCustomer(ctx(), customersapi.RegisterCustomer{Name: "Ada", SmsNumber: "+14155550123"})
		id = cu.ID
		return err
	}
	states := models.StateHandlers{
		"a customer exists": func(setup bool, _ models.ProviderState) (models.ProviderStateResponse, error) {
			if !setup {
				return nil, nil
			}
			return models.ProviderStateResponse{"customerId": id}, register()
		},
	}
	on := func(name string, command func() error) message.Handler {
		return func([]models.ProviderState) (message.Body, message.Metadata, error) {
			err := command()
			return produced(w, customersapi.Subject(name), id, err)
		}
	}
	handlers := message.Handlers{
		"a CustomerRegistered event": on("CustomerRegistered", register),
		"a CustomerSmsNumberChanged event": on("CustomerSmsNumberChanged", func() error {
			_, err := c.ChangeSmsNumber(ctx(), id, customersapi.ChangeSmsNumber{SmsNumber: "+14155550199"})
			return err
		}),
		"a CustomerDisabled event": on("CustomerDisabled", func() error {
			_, err := c.DisableCustomer(ctx(), id)
			return err
		}),
		"a CustomerEnabled event": on("CustomerEnabled", func() error {
			if _, err := c.DisableCustomer(ctx(), id); err != nil {
				return err
			}
			_, err := c.EnableCustomer(ctx(), id)
			return err
		}),
	}
	// cosec's pact (the AuthorizeCustomer replies) is verified in the mall
	// (verifySaga): only a running saga makes customers reply.
	verifyFor(t, "customers"+pactkit.Messages, []string{"notifications", "search", "baskets", "payments"}, "", states, handlers)
}

// TestCustomersAPI replays the REST pacts of baskets and payments (on a
// cache miss) against customers' real HTTP handlers; the typed client's
// pact with customers is verified on the whole mall (verifyClientAPI).
func TestCustomersAPI(t *testing.T) {
	t.Parallel() // its own host, broker and database: independent of the others
	env := systest.Start(t, []host.Module{customers.Module{}})
	c := typed(env.URL, customersapi.Context)
	states := models.StateHandlers{
		"a customer exists": func(setup bool, _ models.ProviderState) (models.ProviderStateResponse, error) {
			if !setup {
				return nil, nil
			}
			cu, err := c.RegisterCustomer(ctx(), customersapi.RegisterCustomer{Name: "Ada", SmsNumber: "+14155550123"})
			return models.ProviderStateResponse{"customerId": cu.ID}, err
		},
		"nothing exists": func(bool, models.ProviderState) (models.ProviderStateResponse, error) { return nil, nil },
	}
	verifyFor(t, "customers", []string{"baskets", "payments"}, env.URL, states, nil)
}
