package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/mallbots/mallbots/system/platform/redact"
)

// Kinds of interactions.
const (
	KindHTTP    = "http"
	KindMessage = "message"
)

// DeadLetters is the lifeline a dead-lettered message goes to.
const DeadLetters = "dead letters"

// Interactions is the sidecar a run writes next to cucumber.json: what each
// scenario did.
type Interactions struct {
	Scenarios []Scenario `json:"scenarios"`
}

// Scenario is what one scenario did, keyed like the cucumber JSON: the
// feature's URI and the scenario's line (an example row's line for a
// scenario outline).
type Scenario struct {
	URI           string        `json:"uri"`
	Line          int           `json:"line"`
	Name          string        `json:"name"`
	CorrelationID string        `json:"correlationId,omitempty"`
	Interactions  []Interaction `json:"interactions"`
}

// Interaction is one HTTP call or one message, in the order they happened.
type Interaction struct {
	Kind string    `json:"kind"`
	At   time.Time `json:"at"`
	// From is the actor that made an HTTP call (customer, bot, mall) or
	// the context that produced a message.
	From string `json:"from"`
	// To is the context that served an HTTP call, or the contexts
	// subscribed to a message (none when nobody is).
	To []string `json:"to"`

	// An HTTP call's method, path (with its query), status (0 when no
	// answer came), duration and the step that made it.
	Method     string  `json:"method,omitempty"`
	Path       string  `json:"path,omitempty"`
	Status     int     `json:"status,omitempty"`
	DurationMs float64 `json:"durationMs,omitempty"`
	Step       string  `json:"step,omitempty"`

	// A message's name and subject.
	Name    string `json:"name,omitempty"`
	Subject string `json:"subject,omitempty"`
}

// masked is in with the secret query parameters of its HTTP paths masked
// (package redact), for the sidecar and the page, which may be shared.
func masked(in []Interaction) []Interaction {
	out := slices.Clone(in)
	for i := range out {
		out[i].Path = redact.URL(out[i].Path)
	}
	return out
}

// Key joins a scenario with its cucumber JSON element.
func Key(uri string, line int) string { return fmt.Sprintf("%s:%d", uri, line) }

// Log collects the scenarios of a run; scenarios end concurrently, so it
// is safe for concurrent use.
type Log struct {
	mu        sync.Mutex
	scenarios []Scenario
}

// Add records a scenario, masking secrets in its HTTP paths.
func (l *Log) Add(s Scenario) {
	s.Interactions = masked(s.Interactions)
	l.mu.Lock()
	defer l.mu.Unlock()
	l.scenarios = append(l.scenarios, s)
}

// Interactions returns every scenario recorded, in feature and line order.
func (l *Log) Interactions() Interactions {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := slices.Clone(l.scenarios)
	slices.SortStableFunc(out, func(a, b Scenario) int {
		return cmp.Or(cmp.Compare(a.URI, b.URI), cmp.Compare(a.Line, b.Line))
	})
	return Interactions{Scenarios: out}
}

// WriteInteractions writes the sidecar to path.
func WriteInteractions(path string, in Interactions) error {
	if in.Scenarios == nil {
		in.Scenarios = []Scenario{}
	}
	data, err := json.MarshalIndent(in, "", "  ")
	if err != nil {
		return fmt.Errorf("encode interactions: %w", err)
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write interactions: %w", err)
	}
	return nil
}

// ReadInteractions reads the sidecar at path.
func ReadInteractions(path string) (Interactions, error) {
	var in Interactions
	data, err := os.ReadFile(path)
	if err != nil {
		return in, fmt.Errorf("read interactions: %w", err)
	}
	if err := json.Unmarshal(data, &in); err != nil {
		return in, fmt.Errorf("%s is not an interactions file: %w", path, err)
	}
	return in, nil
}
