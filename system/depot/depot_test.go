package depot_test

import (
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/depot"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// waitFor bounds every wait for a message or an eventual state. The relay
// wakes on commit, so a healthy run sees messages within milliseconds; the
// bound only turns a lost message into a failure instead of a hang.
const waitFor = 15 * time.Second

// pollEvery is how often an eventual condition is looked at again.
const pollEvery = 50 * time.Millisecond

func TestMain(m *testing.M) { os.Exit(systest.Main(m)) }

// rig is one test's depot, running alone on fresh infrastructure, with a
// bus connection to play stores, ordering and the saga.
type rig struct {
	env    *systest.Env
	c      *client.Client
	bus    *bus.Bus
	sagaID string
}

func start(tb testing.TB) *rig { return startModule(tb, depot.Module{}) }

func startModule(tb testing.TB, m depot.Module) *rig {
	tb.Helper()
	env := systest.Start(tb, []host.Module{m})
	b, err := bus.Connect(tb.Context(), env.NATS.URL(), "depot-test")
	require.NoError(tb, err)
	tb.Cleanup(b.Close)
	return &rig{env: env, c: client.Single(env.URL, []string{depotapi.Context}), bus: b, sagaID: "saga-" + msg.NewID()}
}

// publish puts one envelope on the wire as another context's relay would.
func (r *rig) publish(tb testing.TB, subject, name string, payload any, opts ...msg.Option) msg.Envelope {
	tb.Helper()
	env, err := msg.New(tb.Context(), subject, name, payload, opts...)
	require.NoError(tb, err)
	require.NoError(tb, r.bus.Publish(tb.Context(), env))
	return env
}

// storeEvent publishes a stores event at version of the store's aggregate.
func (r *rig) storeEvent(tb testing.TB, version int, event interface {
	EventName() string
	StoreState() storesapi.Store
}) {
	tb.Helper()
	name := event.EventName()
	r.publish(tb, storesapi.Subject(name), name, event, msg.WithAggregate(event.StoreState().ID, version))
}

// newStore publishes a StoreCreated for a new store.
func (r *rig) newStore(tb testing.TB, name, location string) storesapi.Store {
	tb.Helper()
	s := storesapi.Store{ID: msg.NewID(), Name: name, Location: location}
	r.storeEvent(tb, 1, storesapi.StoreCreated{Store: s})
	return s
}

// send publishes a command of the saga with its own reply subject and
// returns the command and its reply.
func (r *rig) send(tb testing.TB, name string, payload any) (msg.Envelope, msg.Envelope) {
	tb.Helper()
	replyTo := "mallbots.test.replies." + msg.NewID()
	replies := systest.ReadWire(tb, r.env.NATS.URL(), replyTo)
	cmd := r.publish(tb, msg.CommandSubject(depotapi.Context, name), name, payload,
		msg.WithHeader(command.HeaderReplyTo, replyTo), msg.WithHeader(command.HeaderSagaID, r.sagaID))
	return cmd, replies.Next(tb)
}

// command sends a command and returns its decoded reply.
func (r *rig) command(tb testing.TB, name string, payload any) command.Reply {
	tb.Helper()
	_, reply := r.send(tb, name, payload)
	return systest.Payload[command.Reply](tb, reply)
}

// create sends CreateShoppingList and requires it to succeed.
func (r *rig) create(tb testing.TB, orderID string, items ...depotapi.OrderItem) string {
	tb.Helper()
	reply := r.command(tb, depotapi.CreateShoppingListCommand, depotapi.CreateShoppingList{OrderID: orderID, Items: items})
	require.Equal(tb, command.Succeeded, reply.Outcome, "create the list of %s: %s", orderID, reply.Reason)
	var res depotapi.CreateShoppingListResult
	require.NoError(tb, reply.Decode(&res))
	require.NotEmpty(tb, res.ShoppingListID)
	return res.ShoppingListID
}

// succeed sends a command and requires it to succeed.
func (r *rig) succeed(tb testing.TB, name string, payload any) {
	tb.Helper()
	reply := r.command(tb, name, payload)
	require.Equal(tb, command.Succeeded, reply.Outcome, "%s: %s", name, reply.Reason)
}

// awaitStores sends a probe CreateShoppingList naming every store until it
// succeeds: stores' events reach the depot through their own consumer, so
// the cache fills in its own time, and a probe rejected for an unknown store
// writes nothing.
func (r *rig) awaitStores(tb testing.TB, stores ...storesapi.Store) {
	tb.Helper()
	items := make([]depotapi.OrderItem, 0, len(stores))
	for _, s := range stores {
		items = append(items, depotapi.OrderItem{ProductID: "probe", ProductName: "Probe", StoreID: s.ID, Quantity: 1})
	}
	probe := depotapi.CreateShoppingList{OrderID: "probe-" + msg.NewID(), Items: items}
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	var last command.Reply
	for deadline := time.Now().Add(waitFor); time.Now().Before(deadline); <-tick.C {
		if last = r.command(tb, depotapi.CreateShoppingListCommand, probe); last.Outcome == command.Succeeded {
			return
		}
	}
	require.FailNow(tb, "the depot never cached the stores", "last reply: %+v", last)
}

// readyList creates an order's list from items, makes it available and
// returns its id.
func (r *rig) readyList(tb testing.TB, orderID string, items ...depotapi.OrderItem) string {
	tb.Helper()
	id := r.create(tb, orderID, items...)
	r.succeed(tb, depotapi.InitiateShoppingCommand, depotapi.InitiateShopping{OrderID: orderID})
	return id
}

// bot registers a bot.
func (r *rig) bot(tb testing.TB, name string) depotapi.Bot {
	tb.Helper()
	b, err := r.c.RegisterBot(tb.Context(), depotapi.RegisterBot{Name: name})
	require.NoError(tb, err)
	return b
}

// event returns the depot event name of list listID, reading the stream
// from its start so that nothing published earlier is missed.
func (r *rig) event(tb testing.TB, listID, name string) msg.Envelope {
	tb.Helper()
	w := systest.ReadWire(tb, r.env.NATS.URL(), depotapi.Subject(name))
	for {
		env := w.Next(tb)
		if env.AggregateID == listID {
			return env
		}
	}
}

func item(store storesapi.Store, product string, quantity int) depotapi.OrderItem {
	return depotapi.OrderItem{ProductID: product, ProductName: "The " + product, StoreID: store.ID, Quantity: quantity}
}
