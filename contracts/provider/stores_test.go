//go:build pact

package provider

import (
	"testing"

	"github.com/google/uuid"
	"github.com/pact-foundation/pact-go/v2/message"
	"github.com/pact-foundation/pact-go/v2/models"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/stores"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// storesStates creates real stores and products through the typed client
// and remembers the last ones for the message handlers.
type storesStates struct {
	c                  *client.Client
	storeID, productID string
}

func (s *storesStates) store() (storesapi.Store, error) {
	st, err := s.c.CreateStore(ctx(), storesapi.CreateStore{Name: "Corner Shop " + uuid.NewString()[:8], Location: "Level 1"})
	if err == nil {
		st, err = s.c.EnableParticipation(ctx(), st.ID)
	}
	s.storeID = st.ID
	return st, err
}

func (s *storesStates) product() (storesapi.Product, error) {
	st, err := s.store()
	if err != nil {
		return storesapi.Product{}, err
	}
	p, err := s.c.AddProduct(ctx(), st.ID, storesapi.AddProduct{Name: "Pencil", Description: "HB, sharpened", SKU: "PEN-" + uuid.NewString()[:8], PriceCents: 250})
	s.productID = p.ID
	return p, err
}

func (s *storesStates) handlers() models.StateHandlers {
	return models.StateHandlers{
		"a store exists": func(setup bool, _ models.ProviderState) (models.ProviderStateResponse, error) {
			if !setup {
				return nil, nil
			}
			st, err := s.store()
			return models.ProviderStateResponse{"storeId": st.ID}, err
		},
		"a product exists": func(setup bool, _ models.ProviderState) (models.ProviderStateResponse, error) {
			if !setup {
				return nil, nil
			}
			p, err := s.product()
			return models.ProviderStateResponse{"productId": p.ID, "storeId": p.StoreID}, err
		},
		"nothing exists": func(bool, models.ProviderState) (models.ProviderStateResponse, error) { return nil, nil },
	}
}

func startStores(t *testing.T) (*systest.Env, *storesStates) {
	env := systest.Start(t, []host.Module{stores.Module{}})
	return env, &storesStates{c: typed(env.URL, storesapi.Context)}
}

// TestStoresAPI replays the REST pacts of baskets and depot (on a cache
// miss) against stores' real HTTP handlers; the typed client's pact with
// stores is verified on the whole mall (verifyClientAPI).
func TestStoresAPI(t *testing.T) {
	t.Parallel() // its own host, broker and database: independent of the others
	env, s := startStores(t)
	verifyFor(t, "stores", []string{"baskets", "depot"}, env.URL, s.handlers(), nil)
}

// TestStoresMessages produces each stores event through the REST command
// that emits it and verifies the envelope read back from JetStream.
func TestStoresMessages(t *testing.T) {
	t.Parallel() // its own host, broker and database: independent of the others
	env, s := startStores(t)
	w := pactkit.Listen(t, env.NATS.URL())
	onStore := func(name string, command func(id string) error) message.Handler {
		return func([]models.ProviderState) (message.Body, message.Metadata, error) {
			return produced(w, storesapi.Subject(name), s.storeID, command(s.storeID))
		}
	}
	onProduct := func(name string, command func(id string) error) message.Handler {
		return func([]models.ProviderState) (message.Body, message.Metadata, error) {
			return produced(w, storesapi.Subject(name), s.productID, command(s.productID))
		}
	}
	none := func(string) error { return nil }
	handlers := message.Handlers{
		"a StoreCreated event": func([]models.ProviderState) (message.Body, message.Metadata, error) {
			st, err := s.c.CreateStore(ctx(), storesapi.CreateStore{Name: "New Shop", Location: "Level 2"})
			return produced(w, storesapi.Subject("StoreCreated"), st.ID, err)
		},
		"a StoreRebranded event": onStore("StoreRebranded", func(id string) error {
			_, err := s.c.RebrandStore(ctx(), id, storesapi.RebrandStore{Name: "Rebranded " + id[:8]})
			return err
		}),
		// the state enabled it: that is the event.
		"a StoreParticipationEnabled event": onStore("StoreParticipationEnabled", none),
		"a StoreParticipationDisabled event": onStore("StoreParticipationDisabled", func(id string) error {
			_, err := s.c.DisableParticipation(ctx(), id)
			return err
		}),
		"a ProductAdded event": onProduct("ProductAdded", func(string) error {
			p, err := s.c.AddProduct(ctx(), s.storeID, storesapi.AddProduct{Name: "Eraser", Description: "white", SKU: "ER-" + s.storeID[:8], PriceCents: 120})
			s.productID = p.ID
			return err
		}),
		"a ProductRebranded event": onProduct("ProductRebranded", func(id string) error {
			_, err := s.c.RebrandProduct(ctx(), id, storesapi.RebrandProduct{Name: "Pen", Description: "blue"})
			return err
		}),
		"a ProductPriceIncreased event": onProduct("ProductPriceIncreased", func(id string) error {
			_, err := s.c.IncreasePrice(ctx(), id, storesapi.ChangePrice{DeltaCents: 10})
			return err
		}),
		"a ProductPriceDecreased event": onProduct("ProductPriceDecreased", func(id string) error {
			_, err := s.c.DecreasePrice(ctx(), id, storesapi.ChangePrice{DeltaCents: 10})
			return err
		}),
		"a ProductRemoved event": onProduct("ProductRemoved", func(id string) error {
			_, err := s.c.RemoveProduct(ctx(), id)
			return err
		}),
	}
	verify(t, "stores"+pactkit.Messages, "", s.handlers(), handlers)
}
