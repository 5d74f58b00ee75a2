package suite

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/cucumber/godog"

	"github.com/mallbots/mallbots/harness/report"
	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/tap"
	"github.com/mallbots/mallbots/harness/topology"
	"github.com/mallbots/mallbots/steps"
	"github.com/mallbots/mallbots/system/contexts"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// recorder turns each scenario that ends into its interactions for the
// living documentation: the HTTP calls its steps made, from the actor of
// the step to the context that served it, and its messages, from the
// context that produced each to the contexts subscribed to it.
type recorder struct {
	log       report.Log
	locations map[string]location
	endpoints runtime.Endpoints
	subs      []contexts.Subscription
}

// location is where a scenario, or an example row, is written.
type location struct {
	uri  string
	line int
}

func newRecorder(locations map[string]location, endpoints runtime.Endpoints) *recorder {
	return &recorder{locations: locations, endpoints: endpoints, subs: contexts.Subscriptions()}
}

// scenarioLocations maps the AST node id of every scenario and example row
// of the features to its line. godog numbers the nodes as it parses, so the
// same options parsed again give the ids the run's pickles refer to; the
// URI is kept to tell a mismatch from a match.
func scenarioLocations(opts godog.Options) (map[string]location, error) {
	features, err := godog.TestSuite{Options: &opts}.RetrieveFeatures()
	if err != nil {
		return nil, err
	}
	out := map[string]location{}
	for _, f := range features {
		for _, b := range blocksOf(f.GherkinDocument) {
			if b.scenario == nil {
				continue
			}
			out[b.scenario.id] = location{f.Uri, b.scenario.line}
			for _, row := range b.scenario.rows {
				out[row.id] = location{f.Uri, row.line}
			}
		}
	}
	return out, nil
}

// observe records a scenario that ended; scenarios end concurrently.
func (r *recorder) observe(f steps.Finished) {
	s := report.Scenario{URI: f.Pickle.Uri, Line: r.lineOf(f.Pickle), Name: f.Pickle.Name, CorrelationID: f.CorrelationID}
	for i, e := range f.Exchanges {
		s.Interactions = append(s.Interactions, r.call(e.At, e.Method, e.URL, e.Status, e.Took, f.Steps[i]))
	}
	byID := map[string]tap.Record{}
	for _, m := range f.Timeline {
		byID[m.Envelope.ID] = m
	}
	for _, m := range f.Timeline {
		s.Interactions = append(s.Interactions, r.message(m, byID))
	}
	slices.SortStableFunc(s.Interactions, func(a, b report.Interaction) int { return a.At.Compare(b.At) })
	r.log.Add(s)
}

// lineOf is the line of a scenario, or of its example row, as cucumber
// JSON gives it; 0 when unknown.
func (r *recorder) lineOf(p *godog.Scenario) int {
	if len(p.AstNodeIds) == 0 {
		return 0
	}
	loc, ok := r.locations[p.AstNodeIds[len(p.AstNodeIds)-1]]
	if !ok || loc.uri != p.Uri {
		return 0
	}
	return loc.line
}

func (r *recorder) call(at time.Time, method, rawURL string, status int, took time.Duration, step string) report.Interaction {
	path := rawURL
	if u, err := url.Parse(rawURL); err == nil {
		path = u.RequestURI()
	}
	return report.Interaction{Kind: report.KindHTTP, At: at, From: actorOf(step), To: []string{r.servedBy(rawURL)},
		Method: method, Path: path, Status: status, DurationMs: float64(took) / float64(time.Millisecond), Step: step}
}

// actorOf names who acts in a step: a customer when the step starts with a
// customer's name ("Ada" checks out; a customer "Ada" is registered), a bot
// when with a bot, and otherwise the mall (its staff, the stores, checks).
func actorOf(step string) string {
	switch {
	case strings.HasPrefix(step, `"`), strings.HasPrefix(step, `a customer "`), strings.HasPrefix(step, `the customer "`):
		return "customer"
	case strings.HasPrefix(step, "a bot "), strings.HasPrefix(step, "the bot "):
		return "bot"
	}
	return "mall"
}

// servedBy names the context whose base URL rawURL is under; when several
// contexts share it (the monolith, a gateway) the service serving them.
func (r *recorder) servedBy(rawURL string) string {
	under := func(base string) bool {
		return base != "" && (rawURL == base || strings.HasPrefix(rawURL, strings.TrimSuffix(base, "/")+"/"))
	}
	if under(r.endpoints.SMSProvider) {
		return topology.SMSProvider
	}
	var found []string
	for name, base := range r.endpoints.Contexts {
		if under(base) {
			found = append(found, name)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	for name, base := range r.endpoints.Services {
		if under(base) {
			return name
		}
	}
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		return u.Host
	}
	return "?"
}

// message is a message from its producer to its subscribers. The producer
// of an event is the context in its subject (mallbots.<context>.<kind>.<Name>);
// a command's subject names who handles it, so its producer is the context
// its replies go to; a reply's producer is the context that handled the
// command it answers; a dead letter comes from the consumer that gave up.
func (r *recorder) message(m tap.Record, byID map[string]tap.Record) report.Interaction {
	it := report.Interaction{Kind: report.KindMessage, At: m.At, Name: m.Name(), Subject: m.Subject}
	parts := strings.Split(m.Subject, ".")
	switch {
	case m.DeadLetter != nil:
		it.From, it.To = r.contextOfConsumer(m.DeadLetter.Consumer), []string{report.DeadLetters}
		if orig, err := msg.Unmarshal(m.DeadLetter.Original); err == nil {
			it.Name = "DeadLetter: " + orig.Name
		}
		return it
	case len(parts) < 4:
		it.From = "?"
	case parts[2] == msg.KindCommands:
		it.From = contextOf(m.Envelope.Headers[command.HeaderReplyTo])
	case parts[2] == msg.KindReplies:
		it.From = contextOf(byID[m.Envelope.CausationID].Subject)
		if it.From == "?" {
			it.From = r.handlerOf(strings.TrimSuffix(m.Name(), "Reply"))
		}
	default:
		it.From = parts[1]
	}
	it.To = r.subscribers(m.Subject)
	return it
}

// contextOf is the context of a subject, "?" when it has none.
func contextOf(subject string) string {
	parts := strings.Split(subject, ".")
	if len(parts) < 4 || parts[0] != msg.Root {
		return "?"
	}
	return parts[1]
}

func (r *recorder) subscribers(subject string) []string {
	var out []string
	for _, s := range r.subs {
		if slices.Contains(s.Subjects, subject) && !slices.Contains(out, s.Context) {
			out = append(out, s.Context)
		}
	}
	return out
}

func (r *recorder) contextOfConsumer(consumer string) string {
	for _, s := range r.subs {
		if s.Consumer == consumer {
			return s.Context
		}
	}
	return "?"
}

// handlerOf is the context subscribed to the command called name.
func (r *recorder) handlerOf(name string) string {
	for _, s := range r.subs {
		for _, subject := range s.Subjects {
			if strings.HasSuffix(subject, "."+msg.KindCommands+"."+name) {
				return s.Context
			}
		}
	}
	return "?"
}
