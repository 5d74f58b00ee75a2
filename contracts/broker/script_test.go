package broker

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// These tests run scripts/contracts.sh's broker steps (publish,
// can-i-deploy) with the real official pact CLI against fakeBroker, a local
// HTTP server standing in for a Pact Broker that records what it is sent.
// They test OUR wiring: that the pacts, the commit as version, the branch
// and the credentials reach the broker's API, that the answer decides the
// exit code, and that without PACT_BROKER_BASE_URL nothing is sent and the
// CLI is neither fetched nor run. They do not test a real broker (its
// answers here are canned), nor the pact CLI beyond the requests it makes.
//
// The pact CLI comes from scripts/pact-cli.sh, which fetches it once into
// .tools/pact/bin when it is missing (the only network these tests may use:
// a package registry, never a broker).

// request is what fakeBroker recorded of one request.
type request struct {
	Method, Path, Auth string
	Query              map[string][]string
	Body               []byte
}

// fakeBroker answers the Pact Broker's API as far as the pact CLI's publish
// and can-i-deploy need: the index's links, contracts/publish and the
// matrix (deployable unless the pacticipant is named in undeployable).
type fakeBroker struct {
	*httptest.Server
	undeployable string
	mu           sync.Mutex
	requests     []request
}

func newFakeBroker(t *testing.T) *fakeBroker {
	b := &fakeBroker{}
	b.Server = httptest.NewServer(http.HandlerFunc(b.serve))
	t.Cleanup(b.Close)
	return b
}

func (b *fakeBroker) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	b.mu.Lock()
	b.requests = append(b.requests, request{r.Method, r.URL.Path, r.Header.Get("Authorization"), r.URL.Query(), body})
	b.mu.Unlock()
	w.Header().Set("Content-Type", "application/hal+json")
	switch r.URL.Path {
	case "/":
		fmt.Fprintf(w, `{"_links":{"pb:publish-contracts":{"href":"%s/contracts/publish"}}}`, b.URL)
	case "/contracts/publish":
		fmt.Fprint(w, `{"notices":[{"type":"success","text":"published"}],"_links":{}}`)
	case "/matrix":
		ok := r.URL.Query().Get("q[][pacticipant]") != b.undeployable
		fmt.Fprintf(w, `{"summary":{"deployable":%t,"reason":"canned","success":0,"failed":0,"unknown":0},"matrix":[]}`, ok)
	default:
		http.NotFound(w, r)
	}
}

// received returns the recorded requests to path.
func (b *fakeBroker) received(path string) []request {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []request
	for _, r := range b.requests {
		if r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

// pactCLI answers the official pact CLI, installing it when missing.
func pactCLI(t *testing.T) string {
	t.Helper()
	out, err := exec.Command(filepath.Join(root(t), "scripts", "pact-cli.sh")).Output()
	if err != nil && os.Getenv("CI") == "" {
		t.Skipf("no pact CLI (scripts/pact-cli.sh: %v): run make pact-cli", err)
	}
	require.NoError(t, err, "scripts/pact-cli.sh")
	return strings.TrimSpace(string(out))
}

func root(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	return dir
}

// script runs scripts/contracts.sh with args in an environment without any
// of the variables it reads but those of env, and returns its output and
// exit code.
func script(t *testing.T, env map[string]string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(filepath.Join(root(t), "scripts", "contracts.sh"), args...)
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool {
		name, _, _ := strings.Cut(kv, "=")
		return strings.HasPrefix(name, "PACT_") || strings.HasPrefix(name, "CONTRACTS_") || name == "PACTICIPANT"
	})
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	if exit := (*exec.ExitError)(nil); err != nil && !errors.As(err, &exit) {
		require.NoError(t, err)
	}
	return string(out), cmd.ProcessState.ExitCode()
}

// pactDir writes a pact file for each "consumer>provider" pair into a new
// folder, as the FFI writes them (pretty JSON, sorted keys), and returns it.
func pactDir(t *testing.T, pairs ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, p := range pairs {
		consumer, provider, _ := strings.Cut(p, ">")
		doc := map[string]any{
			"consumer": map[string]any{"name": consumer},
			"provider": map[string]any{"name": provider},
			"interactions": []any{map[string]any{
				"type": "Synchronous/HTTP", "description": "a request from " + consumer, "pending": false,
				"request":  map[string]any{"method": "GET", "path": "/api/x"},
				"response": map[string]any{"status": 200},
			}},
			"metadata": map[string]any{"pactSpecification": map[string]any{"version": "4.0"}},
		}
		data, err := json.MarshalIndent(doc, "", "  ")
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, consumer+"-"+provider+".json"), data, 0o644))
	}
	return dir
}

// pactOf returns the parties and interactions of a pact (not its metadata,
// where the CLI stamps its own version).
func pactOf(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var doc map[string]any
	require.NoError(t, json.Unmarshal(data, &doc))
	delete(doc, "metadata")
	return doc
}

// stubCLI returns a pact "CLI" that only records that it ran, and the file
// it records into.
func stubCLI(t *testing.T) (cli, ran string) {
	dir := t.TempDir()
	cli, ran = filepath.Join(dir, "pact"), filepath.Join(dir, "ran")
	require.NoError(t, os.WriteFile(cli, []byte("#!/bin/sh\necho \"$@\" >>"+ran+"\n"), 0o755))
	return cli, ran
}

// published is the body of the broker's contracts/publish.
type published struct {
	PacticipantName          string
	PacticipantVersionNumber string
	Branch                   string
	Contracts                []struct {
		ConsumerName, ProviderName, Specification, Content string
	}
}

func TestPublishSendsThePactsWithTheCommitAndTheBranch(t *testing.T) {
	cli, broker := pactCLI(t), newFakeBroker(t)
	dir := pactDir(t, "baskets>stores", "baskets>stores-messages")
	version, branch, err := Revision(root(t))
	require.NoError(t, err)

	out, code := script(t, map[string]string{
		EnvURL: broker.URL, EnvUsername: "ci", EnvPassword: "s3cret",
		"PACT_CLI": cli, "CONTRACTS_PACT_DIR": dir,
	}, "publish")
	require.Zero(t, code, out)

	reqs := broker.received("/contracts/publish")
	require.Len(t, reqs, 2, out) // one per pact file
	var providers []string
	for _, r := range reqs {
		require.Equal(t, "Basic "+base64.StdEncoding.EncodeToString([]byte("ci:s3cret")), r.Auth)
		var p published
		require.NoError(t, json.Unmarshal(r.Body, &p))
		require.Equal(t, "baskets", p.PacticipantName)
		require.Equal(t, version, p.PacticipantVersionNumber)
		require.Equal(t, branch, p.Branch)
		require.Len(t, p.Contracts, 1)
		c := p.Contracts[0]
		content, err := base64.StdEncoding.DecodeString(c.Content)
		require.NoError(t, err)
		file, err := os.ReadFile(filepath.Join(dir, c.ConsumerName+"-"+c.ProviderName+".json"))
		require.NoError(t, err)
		require.Equal(t, pactOf(t, file), pactOf(t, content), "the pact sent is the file's")
		providers = append(providers, c.ProviderName)
	}
	require.ElementsMatch(t, []string{"stores", "stores-messages"}, providers)
}

func TestPublishTakesTheVersionAndBranchOfTheCI(t *testing.T) {
	cli, broker := pactCLI(t), newFakeBroker(t)
	out, code := script(t, map[string]string{
		EnvURL: broker.URL, EnvToken: "tok", EnvVersion: "1.2.3-abc", EnvBranch: "release/1.2",
		"PACT_CLI": cli, "CONTRACTS_PACT_DIR": pactDir(t, "ordering>payments-messages"),
	}, "publish")
	require.Zero(t, code, out)

	reqs := broker.received("/contracts/publish")
	require.Len(t, reqs, 1, out)
	require.Equal(t, "Bearer tok", reqs[0].Auth)
	var p published
	require.NoError(t, json.Unmarshal(reqs[0].Body, &p))
	require.Equal(t, "1.2.3-abc", p.PacticipantVersionNumber)
	require.Equal(t, "release/1.2", p.Branch)
}

func TestPublishFailsWhenTheBrokerDoes(t *testing.T) {
	cli := pactCLI(t)
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "down", http.StatusForbidden)
	}))
	defer broken.Close()
	out, code := script(t, map[string]string{
		EnvURL: broken.URL, "PACT_CLI": cli, "CONTRACTS_PACT_DIR": pactDir(t, "baskets>stores"),
	}, "publish")
	require.NotZero(t, code, out)
}

// Without a broker the publish step (which make contracts runs after the
// consumers) sends nothing: the CLI is not run, and not fetched either
// (the installer would fill PACT_CLI_DIR; its registry is made unreachable
// so that a wrong fetch fails here instead of reaching the network).
func TestWithoutABrokerNothingIsPublished(t *testing.T) {
	cli, ran := stubCLI(t)
	empty := t.TempDir()
	for name, env := range map[string]map[string]string{
		"a CLI given":      {"PACT_CLI": cli},
		"the CLI to fetch": {"PACT_CLI_DIR": empty, "PACT_CLI_SKIP_OFFICIAL": "1", "npm_config_registry": "http://127.0.0.1:9/"},
	} {
		t.Run(name, func(t *testing.T) {
			env["CONTRACTS_PACT_DIR"] = pactDir(t, "baskets>stores")
			out, code := script(t, env, "publish")
			require.Zero(t, code, out)
			require.Contains(t, out, "no PACT_BROKER_BASE_URL: nothing published")
			require.NotContains(t, out, "pact-cli:", "the CLI was fetched")
			require.NoFileExists(t, ran, "the CLI ran")
			entries, err := os.ReadDir(empty)
			require.NoError(t, err)
			require.Empty(t, entries, "the CLI was fetched")
		})
	}
}

func TestCanIDeployNeedsABroker(t *testing.T) {
	cli, ran := stubCLI(t)
	out, code := script(t, map[string]string{"PACT_CLI": cli}, "can-i-deploy")
	require.NotZero(t, code)
	require.Contains(t, out, "set PACT_BROKER_BASE_URL")
	require.NoFileExists(t, ran)
}

func TestCanIDeployAsksAboutEveryPacticipantAtThisCommit(t *testing.T) {
	cli, broker := pactCLI(t), newFakeBroker(t)
	version, _, err := Revision(root(t))
	require.NoError(t, err)
	out, code := script(t, map[string]string{
		EnvURL: broker.URL, "PACT_CLI": cli, "PACT_ENVIRONMENT": "staging",
		"CONTRACTS_PACT_DIR": pactDir(t, "baskets>stores", "baskets>stores-messages", "depot>stores"),
	}, "can-i-deploy")
	require.Zero(t, code, out)

	var asked []string
	for _, r := range broker.received("/matrix") {
		require.Equal(t, []string{version}, r.Query["q[][version]"])
		require.Equal(t, []string{"staging"}, r.Query["environment"])
		asked = append(asked, r.Query["q[][pacticipant]"]...)
	}
	require.ElementsMatch(t, []string{"baskets", "depot", "stores", "stores-messages"}, asked)
}

func TestCanIDeployFailsWhenOnePacticipantCannot(t *testing.T) {
	cli, broker := pactCLI(t), newFakeBroker(t)
	broker.undeployable = "stores"
	env := map[string]string{EnvURL: broker.URL, "PACT_CLI": cli, "CONTRACTS_PACT_DIR": pactDir(t, "baskets>stores")}

	out, code := script(t, env, "can-i-deploy")
	require.NotZero(t, code, out)
	require.Len(t, broker.received("/matrix"), 2, "every pacticipant is asked about, also after a no")

	env["PACTICIPANT"] = "baskets"
	out, code = script(t, env, "can-i-deploy")
	require.Zero(t, code, out)
	require.Len(t, broker.received("/matrix"), 3)
}
