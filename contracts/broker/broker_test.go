package broker

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// noBroker unsets every variable of the broker for this test (t.Setenv
// restores them afterwards).
func noBroker(t *testing.T) {
	for _, v := range []string{EnvURL, EnvUsername, EnvPassword, EnvToken, EnvVersion, EnvBranch} {
		t.Setenv(v, "")
		require.NoError(t, os.Unsetenv(v))
	}
}

func TestWithoutABrokerNothingIsConfigured(t *testing.T) {
	noBroker(t)
	t.Setenv(EnvUsername, "someone") // ignored: no broker

	c, ok, err := FromEnv(t.TempDir()) // not a git work tree: git is not asked
	require.NoError(t, err)
	require.False(t, ok)
	require.Zero(t, c)
}

func TestABrokerIsConfiguredByTheEnvironment(t *testing.T) {
	noBroker(t)
	t.Setenv(EnvURL, "https://broker.example/")
	t.Setenv(EnvToken, "tok")
	t.Setenv(EnvVersion, "1234abc")
	t.Setenv(EnvBranch, "feature-x")

	c, ok, err := FromEnv(".")
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, Config{URL: "https://broker.example", Token: "tok", Version: "1234abc", Branch: "feature-x"}, c)
}

func TestAUsernameNeedsAPassword(t *testing.T) {
	noBroker(t)
	t.Setenv(EnvURL, "https://broker.example")
	t.Setenv(EnvUsername, "someone")

	_, ok, err := FromEnv(".")
	require.True(t, ok)
	require.ErrorContains(t, err, EnvPassword)
}

func TestTheVersionIsTheGitCommitAndBranch(t *testing.T) {
	noBroker(t)
	version, branch, err := Revision(".")
	require.NoError(t, err)
	require.Equal(t, gitOut(t, "rev-parse", "HEAD"), version)
	require.Equal(t, gitOut(t, "branch", "--show-current"), branch)
	require.Regexp(t, "^[0-9a-f]{40}$", version)
}

func TestSelectorsAreRestrictedToTheNamedConsumers(t *testing.T) {
	c := Config{Branch: "feature-x"}
	require.Equal(t, []Selector{
		{Consumer: "baskets", MainBranch: true},
		{Consumer: "baskets", DeployedOrReleased: true},
		{Consumer: "baskets", MatchingBranch: true},
		{Consumer: "depot", MainBranch: true},
		{Consumer: "depot", DeployedOrReleased: true},
		{Consumer: "depot", MatchingBranch: true},
	}, c.Selectors([]string{"baskets", "depot"}))
}

func TestSelectorsOfEveryConsumerOnADetachedHead(t *testing.T) {
	c := Config{} // no branch: no matching branch either
	require.Equal(t, []Selector{{MainBranch: true}, {DeployedOrReleased: true}}, c.Selectors(nil))
}

// The broker's API names (https://docs.pact.io/selectors), which pact-go's
// provider.ConsumerVersionSelector uses too.
func TestSelectorsSpeakTheBrokersJSON(t *testing.T) {
	data, err := json.Marshal(Config{Branch: "b"}.Selectors([]string{"baskets"}))
	require.NoError(t, err)
	require.JSONEq(t, `[{"consumer":"baskets","mainBranch":true},
		{"consumer":"baskets","deployedOrReleased":true},
		{"consumer":"baskets","matchingBranch":true}]`, string(data))
}

func gitOut(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command("git", args...).Output()
	require.NoError(t, err)
	return strings.TrimSpace(string(out))
}
