// Package broker is the opt-in Pact Broker side of the contracts: whether a
// broker is configured (PACT_BROKER_BASE_URL), with which credentials, the
// version and branch the pacts and verification results are published
// under, and the consumer version selectors the providers verify.
//
// Without PACT_BROKER_BASE_URL nothing uses a broker: the consumers write
// contracts/pacts, the providers verify those files, and nothing touches the
// network. With it, scripts/contracts.sh publishes the pacts through the
// official pact CLI after the consumers pass, and the provider verifications
// (contracts/provider, through pactkit.Sources) fetch the pacts from the
// broker and publish their results.
//
// Unlike the rest of contracts/ it has no build tag: it needs no
// libpact_ffi, so its tests (of this package and of scripts/contracts.sh's
// broker steps) run with `go test ./...`.
package broker

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// The environment variables of the broker, the names the pact CLI and the
// Pact docs use.
const (
	EnvURL      = "PACT_BROKER_BASE_URL"
	EnvUsername = "PACT_BROKER_USERNAME"
	EnvPassword = "PACT_BROKER_PASSWORD"
	EnvToken    = "PACT_BROKER_TOKEN"
	// EnvVersion and EnvBranch override the git commit and branch (a CI
	// build on a detached head has no branch).
	EnvVersion = "PACT_APP_VERSION"
	EnvBranch  = "PACT_BRANCH"
)

// Config is a configured broker and the version the pacticipants of this
// work tree are published under.
type Config struct {
	URL                string
	Username, Password string // basic auth, or
	Token              string // a bearer token
	Version            string // the git commit
	Branch             string // the git branch; "" on a detached head
}

// FromEnv answers the broker PACT_BROKER_BASE_URL names, with the commit and
// branch of the git work tree dir, and false when no broker is configured
// (then it reads nothing else and runs nothing).
func FromEnv(dir string) (Config, bool, error) {
	url := os.Getenv(EnvURL)
	if url == "" {
		return Config{}, false, nil
	}
	c := Config{
		URL:      strings.TrimRight(url, "/"),
		Username: os.Getenv(EnvUsername),
		Password: os.Getenv(EnvPassword),
		Token:    os.Getenv(EnvToken),
	}
	if (c.Username == "") != (c.Password == "") {
		return c, true, fmt.Errorf("%s and %s go together: set both or neither", EnvUsername, EnvPassword)
	}
	var err error
	c.Version, c.Branch, err = Revision(dir)
	return c, true, err
}

// Revision answers the commit and the branch of the git work tree dir, or
// PACT_APP_VERSION and PACT_BRANCH when set (PACT_BRANCH may be set empty).
func Revision(dir string) (version, branch string, err error) {
	version = os.Getenv(EnvVersion)
	if version == "" {
		if version, err = git(dir, "rev-parse", "HEAD"); err != nil {
			return "", "", err
		}
	}
	branch, ok := os.LookupEnv(EnvBranch)
	if !ok {
		branch, err = git(dir, "branch", "--show-current")
	}
	return version, branch, err
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			err = fmt.Errorf("%w: %s", err, strings.TrimSpace(string(exit.Stderr)))
		}
		return "", fmt.Errorf("git %s: %w", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out)), nil
}

// Selector is a consumer version selector (https://docs.pact.io/selectors),
// with the JSON names of the broker's API.
type Selector struct {
	Consumer           string `json:"consumer,omitempty"`
	MainBranch         bool   `json:"mainBranch,omitempty"`
	MatchingBranch     bool   `json:"matchingBranch,omitempty"`
	DeployedOrReleased bool   `json:"deployedOrReleased,omitempty"`
}

// Selectors answers the consumer versions a provider verifies: each
// consumer's main branch, the versions deployed or released, and, when the
// provider is on a branch, the consumers' versions on the branch of the
// same name (a change made on both sides at once). With consumers, the
// selectors are those consumers' only; with none, every consumer's.
func (c Config) Selectors(consumers []string) []Selector {
	if len(consumers) == 0 {
		consumers = []string{""}
	}
	var out []Selector
	for _, name := range consumers {
		out = append(out,
			Selector{Consumer: name, MainBranch: true},
			Selector{Consumer: name, DeployedOrReleased: true})
		if c.Branch != "" {
			out = append(out, Selector{Consumer: name, MatchingBranch: true})
		}
	}
	return out
}
