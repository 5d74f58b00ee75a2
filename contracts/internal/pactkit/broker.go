//go:build pact

package pactkit

import (
	"testing"

	"github.com/pact-foundation/pact-go/v2/provider"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/broker"
)

// Sources sets where the pacts req verifies come from. Without
// PACT_BROKER_BASE_URL: the local files (files is called only then), and
// nothing touches the network. With it: the broker's pacts for req.Provider,
// chosen by consumer version selectors (main branch, deployed or released,
// matching branch; only those of consumers when any are named), pending
// pacts enabled, and the results published under the git commit and branch
// (see package broker).
func Sources(t *testing.T, req *provider.VerifyRequest, consumers []string, files func() []string) {
	t.Helper()
	b, ok, err := broker.FromEnv(Dir())
	require.NoError(t, err, "the pact broker's configuration")
	if !ok {
		req.PactFiles = files()
		return
	}
	req.BrokerURL = b.URL
	req.BrokerUsername, req.BrokerPassword, req.BrokerToken = b.Username, b.Password, b.Token
	for _, s := range b.Selectors(consumers) {
		req.ConsumerVersionSelectors = append(req.ConsumerVersionSelectors, &provider.ConsumerVersionSelector{
			Consumer:           s.Consumer,
			MainBranch:         s.MainBranch,
			MatchingBranch:     s.MatchingBranch,
			DeployedOrReleased: s.DeployedOrReleased,
		})
	}
	req.EnablePending = true
	req.FailIfNoPactsFound = true
	req.PublishVerificationResults = true
	req.ProviderVersion = b.Version
	req.ProviderBranch = b.Branch
}
