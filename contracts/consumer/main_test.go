//go:build pact

// Package consumer holds every consumer test of the system: each file is
// one consumer context (or one consumer adapter) and writes its pact files
// into contracts/pacts. They run before the provider verifications
// (make contracts runs this package first). One package, so that one test
// binary links against libpact_ffi instead of one per consumer.
package consumer

import (
	"flag"
	"fmt"
	"os"
	"testing"

	"github.com/pact-foundation/pact-go/v2/consumer"
	"github.com/pact-foundation/pact-go/v2/log"
	message "github.com/pact-foundation/pact-go/v2/message/v4"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/internal/systest"
)

func TestMain(m *testing.M) {
	flag.Parse() // RemovePacts reads -test.run
	_ = log.SetLogLevel("ERROR")
	pactkit.Prepare() // every context's database, migrated in the background
	if err := pactkit.RemovePacts(); err != nil {
		fmt.Fprintln(os.Stderr, "remove old pact files:", err)
		os.Exit(1)
	}
	os.Exit(systest.Main(m))
}

// httpPact returns a fresh V4 HTTP mock provider writing into contracts/pacts.
func httpPact(t *testing.T, consumerName, provider string) *consumer.V4HTTPMockProvider {
	t.Helper()
	p, err := consumer.NewV4Pact(consumer.MockHTTPProviderConfig{
		Consumer: consumerName, Provider: provider, PactDir: pactkit.Dir(), Host: "127.0.0.1",
	})
	require.NoError(t, err)
	return p
}

// messagePact returns a fresh V4 asynchronous message pact.
func messagePact(t *testing.T, consumerName, provider string) *message.AsynchronousPact {
	t.Helper()
	p, err := message.NewAsynchronousPact(message.Config{
		Consumer: consumerName, Provider: provider, PactDir: pactkit.Dir(),
	})
	require.NoError(t, err)
	return p
}
