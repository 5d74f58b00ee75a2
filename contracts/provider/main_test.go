//go:build pact

// Package provider verifies every pact in contracts/pacts against the real
// provider: the contexts run in an in-process host on real NATS and
// Postgres, provider states create real data through the typed client, and
// each message is produced by the domain command that emits it and read
// back from JetStream, so what is verified is the envelope JSON and the
// subject that went on the wire. It runs after the consumer tests
// (make contracts). One package: one test binary linked against libpact_ffi.
package provider

import (
	"context"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/pact-foundation/pact-go/v2/log"
	"github.com/pact-foundation/pact-go/v2/message"
	"github.com/pact-foundation/pact-go/v2/models"
	"github.com/pact-foundation/pact-go/v2/provider"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/client"
)

func TestMain(m *testing.M) {
	_ = log.SetLogLevel("ERROR")
	systest.StartPostgresEarly()
	os.Exit(checkAllReplayed(systest.Main(m)))
}

// ctx is the context of the provider's calls; the typed client's timeout
// bounds each of them.
func ctx() context.Context { return context.Background() }

func typed(url string, contexts ...string) *client.Client {
	urls := map[string]string{}
	for _, c := range contexts {
		urls[c] = url
	}
	return client.New(urls, &http.Client{Timeout: 10 * time.Second})
}

// verify replays every pact of provider against baseURL ("" for messages).
func verify(t *testing.T, name, baseURL string, states models.StateHandlers, messages message.Handlers) {
	t.Helper()
	replay(t, name, nil, func() []string { return pactkit.FilesFor(t, name) }, baseURL, states, messages)
}

// verifyFor replays only the pacts of provider with the named consumers:
// a provider whose consumers need different set-ups (a context alone, or
// the whole mall) is verified once per set-up.
func verifyFor(t *testing.T, name string, consumers []string, baseURL string, states models.StateHandlers, messages message.Handlers) {
	t.Helper()
	replay(t, name, consumers, func() []string {
		var files []string
		for _, c := range consumers {
			files = append(files, pactkit.File(c, name))
		}
		return files
	}, baseURL, states, messages)
}

// replay verifies provider name against baseURL. Its pacts are the local
// files files answers or, with a Pact Broker (PACT_BROKER_BASE_URL), the
// broker's pacts of consumers (every consumer's when nil), whose results it
// publishes: see pactkit.Sources.
func replay(t *testing.T, name string, consumers []string, files func() []string, baseURL string, states models.StateHandlers, messages message.Handlers) {
	t.Helper()
	baseURL, messages = mutated(t, name, baseURL, messages) // inert unless MALLBOTS_PACT_MUTATION is set
	req := provider.VerifyRequest{
		Provider:             name,
		ProviderBaseURL:      baseURL,
		StateHandlers:        states,
		MessageHandlers:      messages,
		DisableColoredOutput: true,
	}
	pactkit.Sources(t, &req, consumers, files)
	recordReplayed(req.PactFiles)
	require.NoError(t, provider.NewVerifier().VerifyProvider(t, req))
}

// produced answers a message handler with the message read from the wire.
func produced(w *pactkit.Wire, subject, aggregateID string, err error) (message.Body, message.Metadata, error) {
	if err != nil {
		return nil, nil, err
	}
	data, meta, err := w.Await(subject, aggregateID)
	return data, meta, err
}
