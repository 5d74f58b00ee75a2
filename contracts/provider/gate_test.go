//go:build pact

package provider

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/contexts"
)

// restCalls are the REST calls one context makes to another (or to the
// SMS provider): consumer, provider, method and path pattern ({} is an id).
var restCalls = []struct{ consumer, provider, method, path string }{
	{"baskets", "stores", "GET", "/api/products/{}"},
	{"baskets", "stores", "GET", "/api/stores/{}"},
	{"baskets", "customers", "GET", "/api/customers/{}"},
	{"payments", "customers", "GET", "/api/customers/{}"},
	{"depot", "stores", "GET", "/api/stores/{}"},
	{"notifications", pactkit.SMSProvider, "POST", "/v1/messages"},
	{"notifications", pactkit.SMSProvider, "GET", "/v1/messages"},
}

type pactDoc struct {
	Consumer     struct{ Name string } `json:"consumer"`
	Provider     struct{ Name string } `json:"provider"`
	Interactions []struct {
		Type     string `json:"type"`
		Metadata struct {
			Subject string `json:"subject"`
		} `json:"metadata"`
		Contents struct {
			Content struct {
				Name string `json:"name"`
			} `json:"content"`
		} `json:"contents"`
		Request struct {
			Method string `json:"method"`
			Path   string `json:"path"`
		} `json:"request"`
	} `json:"interactions"`
}

// contracted reads every pact file: the subjects each consumer has a
// message contract for, and the REST calls it has an interaction for.
func contracted(t *testing.T) (subjects, calls map[string]bool) {
	files, err := filepath.Glob(filepath.Join(pactkit.Dir(), "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	subjects, calls = map[string]bool{}, map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc pactDoc
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, i := range doc.Interactions {
			if i.Metadata.Subject != "" {
				subjects[doc.Consumer.Name+" "+i.Metadata.Subject] = true
			}
			if i.Request.Method != "" {
				calls[doc.Consumer.Name+" "+doc.Provider.Name+" "+i.Request.Method+" "+idPattern(i.Request.Path)] = true
			}
		}
	}
	return subjects, calls
}

// idPattern replaces each path segment that looks like an id with {}.
func idPattern(path string) string {
	parts := strings.Split(path, "/")
	for i, p := range parts {
		if len(p) == 36 && strings.Count(p, "-") == 4 {
			parts[i] = "{}"
		}
	}
	return strings.Join(parts, "/")
}

// Gaps returns every subscription and REST call without a contract, as
// "message <producer> -> <consumer>: <subject>" and
// "rest <consumer> -> <provider>: <METHOD> <path>".
func gaps(t *testing.T) []string {
	subjects, calls := contracted(t)
	return gapsOf(contexts.Subscriptions(), restCalls, subjects, calls)
}

// gapsOf returns the gaps of the given subscriptions (consumer -> its
// routers) and REST calls against the contracted subjects and calls (as
// contracted reads them), sorted.
func gapsOf(subs []contexts.Subscription, rest []struct{ consumer, provider, method, path string },
	subjects, calls map[string]bool) []string {
	var out []string
	for _, sub := range subs {
		for _, s := range sub.Subjects {
			if !subjects[sub.Context+" "+s] {
				out = append(out, fmt.Sprintf("message %s -> %s: %s", producerOf(s), sub.Context, s))
			}
		}
	}
	for _, c := range rest {
		if !calls[c.consumer+" "+c.provider+" "+c.method+" "+c.path] {
			out = append(out, fmt.Sprintf("rest %s -> %s: %s %s", c.consumer, c.provider, c.method, c.path))
		}
	}
	slices.Sort(out)
	return out
}

// producerOf names who publishes subject (mallbots.<context>.<kind>.<Name>):
// events come from their context, commands from the saga (cosec), the
// saga's replies from the participants that handled its commands.
func producerOf(subject string) string {
	parts := strings.Split(subject, ".")
	if len(parts) < 4 {
		return "?"
	}
	switch parts[2] {
	case "commands":
		return "cosec"
	case "replies":
		return "customers|depot|payments|ordering"
	}
	return parts[1]
}

// knownGaps reads contracts/gaps.txt: the edges not contracted yet.
func knownGaps(t *testing.T) []string {
	f, err := os.Open(filepath.Join(pactkit.Dir(), "..", "gaps.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// TestCoverageGate fails, naming them, on every subscription or REST call
// without a contract that contracts/gaps.txt does not list, and on every
// listed gap that is covered now (so the list only shrinks).
func TestCoverageGate(t *testing.T) {
	known := knownGaps(t)
	for _, f := range gateFailures(gaps(t), known) {
		t.Error(f)
	}
	t.Logf("coverage gate: %d known gaps left (contracts/gaps.txt)", len(known))
}

// gateFailures returns the gate's failure messages, none when it passes:
// the gaps found that known does not list, and the known ones not found.
func gateFailures(found, known []string) []string {
	var unexpected, stale, out []string
	for _, g := range found {
		if !slices.Contains(known, g) {
			unexpected = append(unexpected, g)
		}
	}
	for _, g := range known {
		if !slices.Contains(found, g) {
			stale = append(stale, g)
		}
	}
	if len(unexpected) > 0 {
		out = append(out, fmt.Sprintf("%d edges have no contract (add a consumer test, or list them in contracts/gaps.txt):\n  %s",
			len(unexpected), strings.Join(unexpected, "\n  ")))
	}
	if len(stale) > 0 {
		out = append(out, fmt.Sprintf("%d edges in contracts/gaps.txt have a contract now; remove them:\n  %s",
			len(stale), strings.Join(stale, "\n  ")))
	}
	return out
}
