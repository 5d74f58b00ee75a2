//go:build pact

package provider

import (
	"context"
	"fmt"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/contexts"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

// mall is the whole system in one in-process host (every context, the SMS
// provider stand-in), for the verifications whose messages only a flow
// across contexts produces: an order's events, the saga's commands and
// the participants' replies. Starting it once for all of them keeps
// `make contracts` fast; each flow creates data of its own.
type mall struct {
	env  *systest.Env
	c    *client.Client
	wire *pactkit.Wire

	mu    sync.Mutex
	flows map[string]*flowResult
}

// flowResult is a shared flow's order once done is closed.
type flowResult struct {
	done  chan struct{}
	order orderingapi.Order
	err   error
}

// mallVerifications run side by side against one mall. A verification
// that needs the whole system is added here.
var mallVerifications = []struct {
	name string
	run  func(t *testing.T, m *mall)
}{
	{"ordering's events", verifyOrderingEvents},
	{"the saga's commands and replies", verifySaga},
	{"the events ordering consumes", verifyEventsToOrdering},
	{"the typed client", verifyClientAPI},
}

// shared runs flow once per mall and answers its order ever after: the
// messages of one order's life serve every interaction that needs them
// (each is found on the wire by the order's id), so the verifications do
// not pay for a flow per message. Callers at the same time wait for the
// one run.
func (m *mall) shared(name string, flow func() (orderingapi.Order, error)) (orderingapi.Order, error) {
	r := m.begin(name, flow)
	<-r.done
	return r.order, r.err
}

// begin starts flow under name unless it was started already.
func (m *mall) begin(name string, flow func() (orderingapi.Order, error)) *flowResult {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.flows[name]
	if !ok {
		r = &flowResult{done: make(chan struct{})}
		m.flows[name] = r
		go func() {
			defer close(r.done)
			r.order, r.err = flow()
		}()
	}
	return r
}

// warmUp starts the shared flows every verification uses, side by side:
// each mostly waits for messages to move, so they overlap well.
func (m *mall) warmUp() {
	m.begin("completed", m.completedOrder)
	m.begin("cancelled", m.cancelledOrder)
	m.begin("rejected", m.rejectedOrder)
	m.begin("underpaid", m.underpaidOrder)
}

// TestMall starts the whole system once and runs mallVerifications on it.
func TestMall(t *testing.T) {
	t.Parallel() // its own host, broker and database: independent of the others
	m := startMall(t)
	m.warmUp()
	for _, v := range mallVerifications {
		t.Run(v.name, func(t *testing.T) {
			t.Parallel() // each makes data of its own; the shared flows run once
			v.run(t, m)
		})
	}
}

func startMall(t *testing.T) *mall {
	sms := httptest.NewServer(smsprovider.New().Handler())
	t.Cleanup(sms.Close)
	env := systest.Start(t, contexts.All(), func(c *host.Config) {
		c.Peers = host.Peers{notificationsapi.SMSProviderPeer: sms.URL}
		c.OutboxPoll = 100 * time.Millisecond
	})
	return &mall{env: env, c: typed(env.URL, contexts.Names()...), wire: pactkit.Listen(t, env.NATS.URL()),
		flows: map[string]*flowResult{}}
}

// waitFor bounds every wait for an asynchronous effect of a flow.
const waitFor = 15 * time.Second

// until polls check every 20 ms until it answers true, and fails naming
// what was awaited and the last state seen after waitFor.
func until(what string, check func(ctx context.Context) (bool, string, error)) error {
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	last := ""
	for {
		ok, seen, err := check(ctx)
		if err == nil && ok {
			return nil
		}
		if err != nil {
			seen = err.Error()
		}
		if seen != "" {
			last = seen
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: not within %s (last seen: %s)", what, waitFor, last)
		case <-time.After(20 * time.Millisecond):
		}
	}
}
