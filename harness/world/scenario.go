package world

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/tap"
	"github.com/mallbots/mallbots/harness/topology"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// Scenario is the state of one running scenario.
type Scenario struct {
	World         *World
	Name          string
	ID            string
	CorrelationID string
	Client        *client.Client
	HTTP          *http.Client
	// reader asks read models for their positions, off the record: the
	// scenario's HTTP exchanges are the calls its steps make.
	reader *client.Client

	rec      *recorder
	mu       sync.Mutex
	vars     map[string]string
	entities map[string]string
	last     *Response

	attempt   error
	attempted bool
}

// NewScenario makes the state of a scenario called name.
func NewScenario(w *World, name string) *Scenario {
	id := msg.NewID()
	s := &Scenario{World: w, Name: name, ID: id[len(id)-8:], vars: map[string]string{}, entities: map[string]string{}}
	s.CorrelationID = "scenario-" + id
	s.rec = &recorder{next: http.DefaultTransport}
	s.HTTP = &http.Client{Transport: s.rec, Timeout: 30 * time.Second}
	s.Client = client.New(urlsOf(w.Env.Endpoints()), s.HTTP)
	s.reader = client.New(urlsOf(w.Env.Endpoints()), &http.Client{Timeout: 10 * time.Second})
	return s
}

// Context returns ctx carrying the scenario's correlation id, so every call
// and every message the scenario causes can be told apart from others.
func (s *Scenario) Context(ctx context.Context) context.Context {
	return msg.WithMeta(ctx, msg.Meta{CorrelationID: s.CorrelationID, CausationID: s.CorrelationID})
}

// Unique turns a name from a feature into one no other scenario uses.
func (s *Scenario) Unique(name string) string { return name + " ~" + s.ID }

// Displayed strips the unique suffix for messages meant for people.
func Displayed(name string) string {
	if i := strings.LastIndex(name, " ~"); i >= 0 {
		return name[:i]
	}
	return name
}

// Remember records the id of a named entity of a kind ("store", "product").
func (s *Scenario) Remember(kind, name, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.entities[kind+"/"+name] = id
}

// Lookup returns the id of a named entity, or an error naming what is known.
func (s *Scenario) Lookup(kind, name string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id, ok := s.entities[kind+"/"+name]; ok {
		return id, nil
	}
	var known []string
	for k := range s.entities {
		if strings.HasPrefix(k, kind+"/") {
			known = append(known, strings.TrimPrefix(k, kind+"/"))
		}
	}
	return "", fmt.Errorf("no %s called %q in this scenario (known: %s)", kind, name, strings.Join(known, ", "))
}

// Set saves a variable.
func (s *Scenario) Set(name, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.vars[name] = value
}

var placeholder = regexp.MustCompile(`\{([A-Za-z0-9_.-]+)\}`)

// Expand replaces {name} with saved variables; {unique} is the scenario id.
func (s *Scenario) Expand(text string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var missing []string
	out := placeholder.ReplaceAllStringFunc(text, func(m string) string {
		name := m[1 : len(m)-1]
		if name == "unique" {
			return s.ID
		}
		v, ok := s.vars[name]
		if !ok {
			missing = append(missing, name)
		}
		return v
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("no saved variable %s (save one first)", strings.Join(missing, ", "))
	}
	return out, nil
}

// Exchanges returns every HTTP call of the scenario.
func (s *Scenario) Exchanges() []Exchange { return s.rec.all() }

// Mine scopes tap matchers to the scenario's own messages.
func (s *Scenario) Mine() tap.Matcher { return tap.Correlation(s.CorrelationID) }

// Timeline returns the scenario's messages so far.
func (s *Scenario) Timeline() []tap.Record { return s.World.Tap.Records(s.Mine()) }

// urlsOf maps every context, and the SMS provider, to its base URL.
func urlsOf(e runtime.Endpoints) map[string]string {
	urls := maps.Clone(e.Contexts)
	urls[topology.SMSProvider] = e.SMSProvider
	return urls
}

// Attempted records the outcome of a step that may be refused on purpose.
func (s *Scenario) Attempted(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.attempt, s.attempted = err, true
}

// LastAttempt returns the outcome of the last attempt.
func (s *Scenario) LastAttempt() (error, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.attempt, s.attempted
}
