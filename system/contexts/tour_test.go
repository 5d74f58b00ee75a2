package contexts_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
	"github.com/mallbots/mallbots/system/search/searchapi"
	"github.com/mallbots/mallbots/system/stores/storesapi"
	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

// flowWait bounds each wait for the saga and the read models to follow.
const flowWait = 15 * time.Second

// startMall runs every context in one host, with the SMS provider stand-in.
func startMall(t *testing.T) *systest.Env {
	sms := httptest.NewServer(smsprovider.New().Handler())
	t.Cleanup(sms.Close)
	return systest.Start(t, contexts.All(), func(c *host.Config) {
		c.Peers = host.Peers{notificationsapi.SMSProviderPeer: sms.URL}
		c.OutboxPoll = 100 * time.Millisecond
	})
}

// tour calls every route of the mall with real data through the typed
// client over rec, from a new store to a paid invoice, so that rec holds a
// well-formed request (real ids, an accepted document) on each of them.
// Calls that are refused (cancelling what is done) still show the document.
func tour(t *testing.T, env *systest.Env, rec *systest.Recorder) {
	ctx := t.Context()
	urls := map[string]string{}
	for _, name := range contexts.Names() {
		urls[name] = env.URL
	}
	c := client.New(urls, &http.Client{Transport: rec})
	must := func(_ any, err error) { t.Helper(); require.NoError(t, err) }

	st, err := c.CreateStore(ctx, storesapi.CreateStore{Name: "Tour Shop", Location: "Level 1"})
	require.NoError(t, err)
	must(c.RebrandStore(ctx, st.ID, storesapi.RebrandStore{Name: "Tour Shop Deluxe"}))
	must(c.EnableParticipation(ctx, st.ID))
	p, err := c.AddProduct(ctx, st.ID, storesapi.AddProduct{Name: "Pencil", Description: "HB", SKU: "PEN-1", PriceCents: 250})
	require.NoError(t, err)
	must(c.RebrandProduct(ctx, p.ID, storesapi.RebrandProduct{Name: "Pen", Description: "blue"}))
	must(c.IncreasePrice(ctx, p.ID, storesapi.ChangePrice{DeltaCents: 20}))
	p, err = c.DecreasePrice(ctx, p.ID, storesapi.ChangePrice{DeltaCents: 10})
	require.NoError(t, err)
	must(c.Stores(ctx))
	must(c.Store(ctx, st.ID))
	must(c.Catalog(ctx, st.ID))
	must(c.Product(ctx, p.ID))

	cu, err := c.RegisterCustomer(ctx, customersapi.RegisterCustomer{Name: "Ada", SmsNumber: "+14155550123"})
	require.NoError(t, err)
	must(c.ChangeSmsNumber(ctx, cu.ID, customersapi.ChangeSmsNumber{SmsNumber: "+14155550124"}))
	must(c.DisableCustomer(ctx, cu.ID))
	must(c.EnableCustomer(ctx, cu.ID))
	must(c.Customer(ctx, cu.ID))
	bot, err := c.RegisterBot(ctx, depotapi.RegisterBot{Name: "Robbie"})
	require.NoError(t, err)
	must(c.Bot(ctx, bot.ID))

	open, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: cu.ID})
	require.NoError(t, err) // left open: an unknown item of it is not found, not a conflict
	must(c.AddItem(ctx, open.ID, basketsapi.AddItem{ProductID: p.ID, Quantity: 1}))
	must(c.RemoveItem(ctx, open.ID, p.ID))
	dropped, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: cu.ID})
	require.NoError(t, err)
	must(c.CancelBasket(ctx, dropped.ID))

	o := checkout(t, ctx, c, cu.ID, p)
	must(c.Basket(ctx, o.BasketID))
	must(c.OrdersByCustomer(ctx, cu.ID))
	must(c.Saga(ctx, o.ID))
	completeList(t, ctx, c, o.ID, bot.ID)
	inv := invoiceOf(t, ctx, c, o.ID)
	must(c.Invoice(ctx, inv.ID))
	must(c.PayInvoice(ctx, inv.ID))
	_, err = c.CancelOrder(ctx, o.ID, orderingapi.CancelOrder{Reason: "changed my mind"})
	assert.Equal(t, http.StatusConflict, client.StatusOf(err), "a paid order cannot be cancelled")
	must(c.Order(ctx, o.ID))
	must(c.Payment(ctx, o.PaymentID))
	must(c.Notifications(ctx, cu.ID, o.ID))
	must(c.SearchOrders(ctx, searchapi.OrderQuery{CustomerID: cu.ID, StoreID: st.ID, Limit: 10}))

	must(c.RemoveProduct(ctx, p.ID))
	must(c.DisableParticipation(ctx, st.ID))
}

// checkout buys two of p for customer and returns the order once the saga
// approved it.
func checkout(t *testing.T, ctx context.Context, c *client.Client, customer string, p storesapi.Product) orderingapi.Order {
	b, err := c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: customer})
	require.NoError(t, err)
	_, err = c.AddItem(ctx, b.ID, basketsapi.AddItem{ProductID: p.ID, Quantity: 2})
	require.NoError(t, err)
	pay, err := c.AuthorizePayment(ctx, paymentsapi.AuthorizePayment{CustomerID: customer, AmountCents: 2 * p.PriceCents})
	require.NoError(t, err)
	_, err = c.CheckoutBasket(ctx, b.ID, basketsapi.Checkout{PaymentID: pay.ID})
	require.NoError(t, err)
	var o orderingapi.Order
	require.EventuallyWithT(t, func(ct *assert.CollectT) {
		list, err := c.OrdersByBasket(ctx, b.ID)
		require.NoError(ct, err)
		require.Len(ct, list.Orders, 1, "an order of basket %s", b.ID)
		o = list.Orders[0]
		assert.Equal(ct, orderingapi.StatusApproved, o.Status, o.Reason)
	}, flowWait, 20*time.Millisecond, "the order approved")
	return o
}

// completeList has bot take and complete the order's shopping list.
func completeList(t *testing.T, ctx context.Context, c *client.Client, order, bot string) {
	var list depotapi.ShoppingList
	require.EventuallyWithT(t, func(ct *assert.CollectT) {
		lists, err := c.ShoppingLists(ctx, depotapi.ShoppingListFilter{OrderID: order, Status: depotapi.StatusAvailable})
		require.NoError(ct, err)
		require.NotEmpty(ct, lists.ShoppingLists, "an available shopping list of order %s", order)
		list = lists.ShoppingLists[0]
	}, flowWait, 20*time.Millisecond)
	_, err := c.ShoppingList(ctx, list.ID)
	require.NoError(t, err)
	_, err = c.AssignList(ctx, list.ID, depotapi.AssignList{BotID: bot})
	require.NoError(t, err)
	_, err = c.CompleteList(ctx, list.ID, depotapi.AssignList{BotID: bot})
	require.NoError(t, err)
}

// invoiceOf waits for the invoice of the ready order.
func invoiceOf(t *testing.T, ctx context.Context, c *client.Client, order string) paymentsapi.Invoice {
	var inv paymentsapi.Invoice
	require.EventuallyWithT(t, func(ct *assert.CollectT) {
		list, err := c.InvoicesByOrder(ctx, order)
		require.NoError(ct, err)
		require.NotEmpty(ct, list.Invoices, "an invoice of order %s", order)
		inv = list.Invoices[0]
	}, flowWait, 20*time.Millisecond)
	return inv
}
