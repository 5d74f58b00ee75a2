//go:build pact

package provider

import (
	"context"
	"fmt"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/contexts"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/stores/storesapi"
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

// mallVerifications run, in this order, against one mall. A verification
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
		t.Run(v.name, func(t *testing.T) { v.run(t, m) })
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

// customer registers a customer with a unique name.
func (m *mall) customer() (customersapi.Customer, error) {
	return m.c.RegisterCustomer(ctx(), customersapi.RegisterCustomer{
		Name: "Ada " + uuid.NewString()[:8], SmsNumber: "+14155550123"})
}

// product creates a participating store with one product of 2.50.
func (m *mall) product() (storesapi.Product, error) {
	st, err := m.c.CreateStore(ctx(), storesapi.CreateStore{Name: "Corner Shop " + uuid.NewString()[:8], Location: "Level 1"})
	if err != nil {
		return storesapi.Product{}, err
	}
	if _, err := m.c.EnableParticipation(ctx(), st.ID); err != nil {
		return storesapi.Product{}, err
	}
	return m.c.AddProduct(ctx(), st.ID, storesapi.AddProduct{Name: "Pencil", Description: "HB",
		SKU: "PEN-" + uuid.NewString()[:8], PriceCents: 250})
}

// checkout has customer check out a basket of two of a new product (5.00
// in all), paid by a new payment authorized for authorizedCents, and
// returns the order ordering made of it.
func (m *mall) checkout(customerID string, authorizedCents int64) (orderingapi.Order, error) {
	p, err := m.product()
	if err != nil {
		return orderingapi.Order{}, err
	}
	b, err := m.c.StartBasket(ctx(), basketsapi.StartBasket{CustomerID: customerID})
	if err != nil {
		return orderingapi.Order{}, err
	}
	if _, err := m.c.AddItem(ctx(), b.ID, basketsapi.AddItem{ProductID: p.ID, Quantity: 2}); err != nil {
		return orderingapi.Order{}, err
	}
	pay, err := m.c.AuthorizePayment(ctx(), paymentsapi.AuthorizePayment{CustomerID: customerID, AmountCents: authorizedCents})
	if err != nil {
		return orderingapi.Order{}, err
	}
	if _, err := m.c.CheckoutBasket(ctx(), b.ID, basketsapi.Checkout{PaymentID: pay.ID}); err != nil {
		return orderingapi.Order{}, err
	}
	var o orderingapi.Order
	return o, until("an order of basket "+b.ID, func(ctx context.Context) (bool, string, error) {
		list, err := m.c.OrdersByBasket(ctx, b.ID)
		if err != nil || len(list.Orders) == 0 {
			return false, "no order", err
		}
		o = list.Orders[0]
		return true, "", nil
	})
}

// order places an order for a new customer.
func (m *mall) order() (orderingapi.Order, error) {
	cu, err := m.customer()
	if err != nil {
		return orderingapi.Order{}, err
	}
	return m.checkout(cu.ID, 500)
}

// orderBecomes waits until the order has status.
func (m *mall) orderBecomes(id string, status orderingapi.Status) (orderingapi.Order, error) {
	var o orderingapi.Order
	return o, until(fmt.Sprintf("order %s %s", id, status), func(ctx context.Context) (bool, string, error) {
		var err error
		o, err = m.c.Order(ctx, id)
		return o.Status == status, string(o.Status) + " " + o.Reason, err
	})
}

// approvedOrder places an order and waits until the saga approved it.
func (m *mall) approvedOrder() (orderingapi.Order, error) {
	o, err := m.order()
	if err != nil {
		return o, err
	}
	return m.orderBecomes(o.ID, orderingapi.StatusApproved)
}

// completeList has a new bot take and complete the order's shopping list,
// which makes the order ready.
func (m *mall) completeList(o orderingapi.Order) error {
	var list depotapi.ShoppingList
	err := until("an available shopping list of order "+o.ID, func(ctx context.Context) (bool, string, error) {
		lists, err := m.c.ShoppingLists(ctx, depotapi.ShoppingListFilter{OrderID: o.ID, Status: depotapi.StatusAvailable})
		if err != nil || len(lists.ShoppingLists) == 0 {
			return false, "none available", err
		}
		list = lists.ShoppingLists[0]
		return true, "", nil
	})
	if err != nil {
		return err
	}
	bot, err := m.c.RegisterBot(ctx(), depotapi.RegisterBot{Name: "Robbie " + uuid.NewString()[:8]})
	if err != nil {
		return err
	}
	if _, err := m.c.AssignList(ctx(), list.ID, depotapi.AssignList{BotID: bot.ID}); err != nil {
		return err
	}
	_, err = m.c.CompleteList(ctx(), list.ID, depotapi.AssignList{BotID: bot.ID})
	return err
}

// readyOrder places an order, has its list completed and waits until it
// is ready.
func (m *mall) readyOrder() (orderingapi.Order, error) {
	o, err := m.approvedOrder()
	if err != nil {
		return o, err
	}
	if err := m.completeList(o); err != nil {
		return o, err
	}
	return m.orderBecomes(o.ID, orderingapi.StatusReady)
}

// completedOrder places an order, makes it ready and pays its invoice.
func (m *mall) completedOrder() (orderingapi.Order, error) {
	o, err := m.readyOrder()
	if err != nil {
		return o, err
	}
	var inv paymentsapi.Invoice
	err = until("an invoice of order "+o.ID, func(ctx context.Context) (bool, string, error) {
		list, err := m.c.InvoicesByOrder(ctx, o.ID)
		if err != nil || len(list.Invoices) == 0 {
			return false, "no invoice", err
		}
		inv = list.Invoices[0]
		return true, "", nil
	})
	if err != nil {
		return o, err
	}
	if _, err := m.c.PayInvoice(ctx(), inv.ID); err != nil {
		return o, err
	}
	return m.orderBecomes(o.ID, orderingapi.StatusCompleted)
}

// rejectedOrder places an order for a disabled customer, which the saga
// rejects (AuthorizeCustomer fails).
func (m *mall) rejectedOrder() (orderingapi.Order, error) {
	cu, err := m.customer()
	if err != nil {
		return orderingapi.Order{}, err
	}
	if _, err := m.c.DisableCustomer(ctx(), cu.ID); err != nil {
		return orderingapi.Order{}, err
	}
	o, err := m.checkout(cu.ID, 500)
	if err != nil {
		return o, err
	}
	return m.orderBecomes(o.ID, orderingapi.StatusRejected)
}

// underpaidOrder places an order whose payment was authorized for less
// than its total: ConfirmPayment fails after the shopping list was made,
// so the saga cancels the list (CancelShoppingList), then rejects it.
func (m *mall) underpaidOrder() (orderingapi.Order, error) {
	cu, err := m.customer()
	if err != nil {
		return orderingapi.Order{}, err
	}
	o, err := m.checkout(cu.ID, 300)
	if err != nil {
		return o, err
	}
	return m.orderBecomes(o.ID, orderingapi.StatusRejected)
}

// cancelledOrder places an order, waits until it is approved and has the
// customer cancel it.
func (m *mall) cancelledOrder() (orderingapi.Order, error) {
	o, err := m.approvedOrder()
	if err != nil {
		return o, err
	}
	if _, err := m.c.CancelOrder(ctx(), o.ID, orderingapi.CancelOrder{Reason: "found it cheaper"}); err != nil {
		return o, err
	}
	return m.orderBecomes(o.ID, orderingapi.StatusCanceled)
}
