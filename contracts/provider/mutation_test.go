//go:build pact

package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pact-foundation/pact-go/v2/message"
	"github.com/pact-foundation/pact-go/v2/models"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/internal/systest"
)

// mutationEnv names the deliberate mistake a provider makes under
// verification (see mutated); unset, every provider is what it is.
const mutationEnv = "MALLBOTS_PACT_MUTATION"

// The mutations, the verification each alters and the one interaction it
// must break there.
var mutations = []struct {
	name, test, interaction, mismatch string
}{
	// stores' StoreRebranded names the store "title" instead of "name".
	{"rename-field", "TestStoresMessages", "a StoreRebranded event", "$.payload -> Actual map is missing the following keys: name"},
	// stores answers a found store with 202 instead of 200.
	{"status", "TestStoresAPI", "a request for a store", "expected 200 but was 202"},
}

// mutating reports whether mutationEnv (a comma-separated list) names m.
func mutating(m string) bool { return slices.Contains(strings.Split(os.Getenv(mutationEnv), ","), m) }

// mutated returns the base URL and message handlers replay verifies
// provider with: as given, unless mutationEnv names a mutation of it.
func mutated(t *testing.T, provider, baseURL string, messages message.Handlers) (string, message.Handlers) {
	switch {
	case mutating("rename-field") && provider == "stores"+pactkit.Messages:
		return baseURL, renamedField(messages, "a StoreRebranded event", "name", "title")
	case mutating("status") && provider == "stores":
		return statusChanged(t, baseURL, "/api/stores/", http.StatusOK, http.StatusAccepted), messages
	}
	return baseURL, messages
}

// renamedField wraps the handler of interaction so that the payload of
// the envelope it produces calls field to instead.
func renamedField(handlers message.Handlers, interaction, field, to string) message.Handlers {
	out := message.Handlers{}
	for k, h := range handlers {
		out[k] = h
	}
	h, ok := handlers[interaction]
	if !ok {
		return handlers
	}
	out[interaction] = func(states []models.ProviderState) (message.Body, message.Metadata, error) {
		body, meta, err := h(states)
		if err != nil {
			return body, meta, err
		}
		data, err := renamed(body, field, to)
		return data, meta, err
	}
	return out
}

// renamed returns the envelope JSON body with its payload's field called
// to (numbers kept as they are).
func renamed(body message.Body, field, to string) ([]byte, error) {
	data, ok := body.([]byte)
	if !ok {
		return nil, fmt.Errorf("mutation %s: the message is a %T, not the wire's bytes", mutationEnv, body)
	}
	var env map[string]any
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	if err := d.Decode(&env); err != nil {
		return nil, err
	}
	payload, ok := env["payload"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("mutation %s: the envelope has no payload object", mutationEnv)
	}
	payload[to] = payload[field]
	delete(payload, field)
	return json.Marshal(env)
}

// statusChanged puts a proxy in front of baseURL that answers to instead
// of from for the GET requests of one resource under prefix (prefix{id}).
func statusChanged(t *testing.T, baseURL, prefix string, from, to int) string {
	target, err := url.Parse(baseURL)
	require.NoError(t, err)
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.ModifyResponse = func(r *http.Response) error {
		id, ok := strings.CutPrefix(r.Request.URL.Path, prefix)
		if ok && id != "" && !strings.Contains(id, "/") && r.Request.Method == http.MethodGet && r.StatusCode == from {
			r.StatusCode, r.Status = to, fmt.Sprintf("%d %s", to, http.StatusText(to))
		}
		return nil
	}
	s := httptest.NewServer(proxy)
	t.Cleanup(s.Close)
	return s.URL
}

// TestMutationsFailVerification re-runs this test binary, in one
// subprocess, on the verifications of deliberately altered providers (a
// renamed field in a message, a changed status code in a response) and
// asserts that each of them fails, and that the verifier's failures name
// the altered interaction with the mismatch the alteration causes.
func TestMutationsFailVerification(t *testing.T) {
	t.Parallel() // its own process, host, broker and database: independent of the others
	if os.Getenv(mutationEnv) != "" {
		t.Skip("this binary is the mutated provider")
	}
	var names, tests []string
	for _, m := range mutations {
		names, tests = append(names, m.name), append(tests, m.test)
	}
	out, err := runMutated(t, strings.Join(names, ","), "^("+strings.Join(tests, "|")+")$")
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "the verification of mutated providers passed (%v):\n%s", err, out)
	failures := failuresOf(out)
	for _, m := range mutations {
		t.Run(m.name, func(t *testing.T) {
			require.Contains(t, out, "--- FAIL: "+m.test+" ", "%s passed though %s altered its provider:\n%s", m.test, m.name, out)
			require.Contains(t, failures, m.interaction, "the altered interaction is not among the failures:\n%s", out)
			require.Contains(t, failures[m.interaction], m.mismatch, "the failure does not name the mismatch:\n%s", out)
		})
	}
}

// runMutated runs the verifications the -test.run pattern run selects,
// one after the other (their verifiers print to the same output), in a
// subprocess of this test binary with mutationEnv=mutations, and returns
// its output. The pact files are those on disk (the consumers ran first).
func runMutated(t *testing.T, mutations, run string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run", run, "-test.count=1", "-test.parallel=1", "-test.timeout=90s")
	cmd.Env = append(cleanEnv(), mutationEnv+"="+mutations, systest.PostgresEnv(t))
	out, err := cmd.CombinedOutput()
	t.Logf("%s=%s %s: %v", mutationEnv, mutations, run, err)
	return string(out), err
}

// cleanEnv is this process's environment without anything that would
// change what the subprocess does: a mutation already set, a pact broker
// (a mutated provider must never publish its results), GOFLAGS.
func cleanEnv() []string {
	return slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, mutationEnv+"=") || strings.HasPrefix(kv, "PACT_BROKER_") ||
			strings.HasPrefix(kv, "PACT_PUBLISH") || strings.HasPrefix(kv, "GOFLAGS=")
	})
}

// failure is the heading of a failure in the verifier's summary:
// "1) Verifying a pact between <consumer> and <provider> [Given <state>] - <description>".
var failure = regexp.MustCompile(`(?m)^\d+\) Verifying a pact between \S+ and \S+(?: Given .*?)? - (.+)$`)

// failuresOf returns the verifiers' summaries of failures in the output of
// verifications: each failed interaction's description and what failed in
// it (in every pact that has it).
func failuresOf(out string) map[string]string {
	failures := map[string]string{}
	summaries := strings.Split(out, "\nFailures:\n")
	for _, summary := range summaries[1:] {
		addFailures(failures, summary)
	}
	return failures
}

// addFailures adds the failures of one verifier's summary to failures.
func addFailures(failures map[string]string, summary string) {
	heads := failure.FindAllStringSubmatchIndex(summary, -1)
	for i, h := range heads {
		end := len(summary)
		if i+1 < len(heads) {
			end = heads[i+1][0]
		}
		name := strings.TrimSpace(summary[h[2]:h[3]])
		failures[name] += summary[h[1]:end]
	}
}
