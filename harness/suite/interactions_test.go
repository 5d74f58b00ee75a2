package suite

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/cucumber/godog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/report"
	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/tap"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func TestActorOfAStep(t *testing.T) {
	for _, tc := range []struct{ step, want string }{
		{`"Ada" checks out`, "customer"},
		{`a customer "Ada" is registered`, "customer"},
		{`the customer "Ada" changes their SMS number`, "customer"},
		{`the bot "Robbie" takes the shopping list of "Ada"`, "bot"},
		{`a bot picks up and completes the shopping list of "Ada"`, "bot"},
		{`a store "Corner Shop" on "Level 1" joins the mall`, "mall"},
		{`the mall disables the customer "Ada"`, "mall"},
		{`the order of "Ada" becomes approved`, "mall"},
		{`I send POST "/api/stores" to stores with:`, "mall"},
		{"", "mall"},
	} {
		t.Run(tc.step, func(t *testing.T) { assert.Equal(t, tc.want, actorOf(tc.step)) })
	}
}

func TestServedByNamesTheContextOfTheURL(t *testing.T) {
	micro := newRecorder(nil, runtime.Endpoints{
		Contexts:    map[string]string{"stores": "http://127.0.0.1:4001", "baskets": "http://127.0.0.1:40011"},
		Services:    map[string]string{"stores": "http://127.0.0.1:4001", "baskets": "http://127.0.0.1:40011"},
		SMSProvider: "http://127.0.0.1:4009",
	})
	mono := newRecorder(nil, runtime.Endpoints{
		Contexts: map[string]string{"stores": "http://127.0.0.1:5000", "baskets": "http://127.0.0.1:5000"},
		Services: map[string]string{"mallbots": "http://127.0.0.1:5000"},
	})
	for _, tc := range []struct {
		name string
		r    *recorder
		url  string
		want string
	}{
		{"a context", micro, "http://127.0.0.1:4001/api/stores", "stores"},
		{"a port that starts like another", micro, "http://127.0.0.1:40011/api/baskets/1", "baskets"},
		{"the SMS provider", micro, "http://127.0.0.1:4009/v1/messages?to=1", "smsprovider"},
		{"the monolith", mono, "http://127.0.0.1:5000/api/stores", "mallbots"},
		{"elsewhere", micro, "http://127.0.0.1:7777/x", "127.0.0.1:7777"},
	} {
		t.Run(tc.name, func(t *testing.T) { assert.Equal(t, tc.want, tc.r.servedBy(tc.url)) })
	}
}

func envelope(t *testing.T, subject, name string, opts ...msg.Option) msg.Envelope {
	t.Helper()
	env, err := msg.New(t.Context(), subject, name, map[string]string{}, opts...)
	require.NoError(t, err)
	return env
}

func TestMessagesGoFromTheirProducerToTheirSubscribers(t *testing.T) {
	r := newRecorder(nil, runtime.Endpoints{})
	cmd := envelope(t, "mallbots.customers.commands.AuthorizeCustomer", "AuthorizeCustomer",
		msg.WithHeader("reply-to", "mallbots.cosec.replies.CreateOrderSaga"))
	reply := envelope(t, "mallbots.cosec.replies.CreateOrderSaga", "AuthorizeCustomerReply")
	reply.CausationID = cmd.ID
	original, err := json.Marshal(envelope(t, "mallbots.stores.events.StoreCreated", "StoreCreated"))
	require.NoError(t, err)
	record := func(env msg.Envelope) tap.Record {
		return tap.Record{Subject: env.Subject, Envelope: env, At: time.Now()}
	}
	timeline := map[string]tap.Record{cmd.ID: record(cmd), reply.ID: record(reply)}
	for _, tc := range []struct {
		name   string
		record tap.Record
		byID   map[string]tap.Record
		from   string
		to     []string
		called string
	}{
		{"an event comes from the context of its subject",
			record(envelope(t, "mallbots.stores.events.StoreCreated", "StoreCreated")), nil,
			"stores", []string{"baskets", "depot", "search"}, "StoreCreated"},
		{"an event nobody subscribes to goes nowhere",
			record(envelope(t, "mallbots.depot.events.ShoppingListAssigned", "ShoppingListAssigned")), nil,
			"depot", nil, "ShoppingListAssigned"},
		{"a command comes from where its replies go", record(cmd), timeline,
			"cosec", []string{"customers"}, "AuthorizeCustomer"},
		{"a reply comes from who handled its command", record(reply), timeline,
			"customers", []string{"cosec"}, "AuthorizeCustomerReply"},
		{"a reply whose command was not seen comes from the command's handler", record(reply), nil,
			"customers", []string{"cosec"}, "AuthorizeCustomerReply"},
		{"a dead letter comes from the consumer that gave up",
			tap.Record{Subject: "mallbots.dlq.baskets-stores", DeadLetter: &bus.DeadLetter{Consumer: "baskets-stores", Original: original}},
			nil, "baskets", []string{report.DeadLetters}, "DeadLetter: StoreCreated"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := r.message(tc.record, tc.byID)
			assert.Equal(t, report.KindMessage, got.Kind)
			assert.Equal(t, tc.from, got.From)
			assert.Equal(t, tc.to, got.To)
			assert.Equal(t, tc.called, got.Name)
		})
	}
}

const outlineFeature = `Feature: lines
  Scenario: plain
    Given a step

  Scenario Outline: outline <n>
    Given step <n>
    Examples:
      | n |
      | 1 |
      | 2 |

  Rule: a rule
    Scenario: in a rule
      Given a step
`

// TestScenariosAreKeyedByTheirLineAsInCucumberJSON checks that a pickle of
// the run finds the line cucumber JSON gives its scenario: the scenario's
// line, an example row's line for an outline.
func TestScenariosAreKeyedByTheirLineAsInCucumberJSON(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lines.feature")
	require.NoError(t, os.WriteFile(path, []byte(outlineFeature), 0o644))
	opts := godog.Options{Paths: []string{path}}
	locations, err := scenarioLocations(opts)
	require.NoError(t, err)
	features, err := godog.TestSuite{Options: &opts}.RetrieveFeatures()
	require.NoError(t, err)
	require.Len(t, features, 1)
	r := newRecorder(locations, runtime.Endpoints{})
	var lines []int
	for _, p := range features[0].Pickles {
		lines = append(lines, r.lineOf(p))
	}
	assert.Equal(t, []int{2, 9, 10, 13}, lines)
	assert.Zero(t, r.lineOf(&godog.Scenario{Uri: "elsewhere.feature", AstNodeIds: features[0].Pickles[0].AstNodeIds}))
}
