//go:build pact

package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/client"
)

// sdkRoute is the endpoint a method of the typed client calls: the
// context serving it, the method and path ({} is an id) and the query
// parameters it always sends, e.g. "GET /api/orders?basketId".
type sdkRoute struct{ context, route string }

// sdkRoutes maps every public method of *client.Client that calls a
// context's REST API to its endpoint. TestClientCoverage keeps it complete
// (reflection over the client's methods) and true (each method is called
// against a recording server).
var sdkRoutes = map[string]sdkRoute{
	"CreateStore":          {"stores", "POST /api/stores"},
	"Stores":               {"stores", "GET /api/stores"},
	"Store":                {"stores", "GET /api/stores/{}"},
	"EnableParticipation":  {"stores", "POST /api/stores/{}/enable-participation"},
	"DisableParticipation": {"stores", "POST /api/stores/{}/disable-participation"},
	"RebrandStore":         {"stores", "POST /api/stores/{}/rebrand"},
	"AddProduct":           {"stores", "POST /api/stores/{}/products"},
	"Catalog":              {"stores", "GET /api/stores/{}/products"},
	"Product":              {"stores", "GET /api/products/{}"},
	"RebrandProduct":       {"stores", "POST /api/products/{}/rebrand"},
	"IncreasePrice":        {"stores", "POST /api/products/{}/increase-price"},
	"DecreasePrice":        {"stores", "POST /api/products/{}/decrease-price"},
	"RemoveProduct":        {"stores", "DELETE /api/products/{}"},
	"RegisterCustomer":     {"customers", "POST /api/customers"},
	"Customer":             {"customers", "GET /api/customers/{}"},
	"ChangeSmsNumber":      {"customers", "POST /api/customers/{}/change-sms-number"},
	"EnableCustomer":       {"customers", "POST /api/customers/{}/enable"},
	"DisableCustomer":      {"customers", "POST /api/customers/{}/disable"},
	"StartBasket":          {"baskets", "POST /api/baskets"},
	"Basket":               {"baskets", "GET /api/baskets/{}"},
	"AddItem":              {"baskets", "POST /api/baskets/{}/items"},
	"RemoveItem":           {"baskets", "DELETE /api/baskets/{}/items/{}"},
	"CancelBasket":         {"baskets", "POST /api/baskets/{}/cancel"},
	"CheckoutBasket":       {"baskets", "POST /api/baskets/{}/checkout"},
	"Order":                {"ordering", "GET /api/orders/{}"},
	"OrdersByBasket":       {"ordering", "GET /api/orders?basketId"},
	"OrdersByCustomer":     {"ordering", "GET /api/orders?customerId"},
	"CancelOrder":          {"ordering", "POST /api/orders/{}/cancel"},
	"AuthorizePayment":     {"payments", "POST /api/payments"},
	"Payment":              {"payments", "GET /api/payments/{}"},
	"Invoice":              {"payments", "GET /api/invoices/{}"},
	"InvoicesByOrder":      {"payments", "GET /api/invoices?orderId"},
	"PayInvoice":           {"payments", "POST /api/invoices/{}/pay"},
	"RegisterBot":          {"depot", "POST /api/bots"},
	"Bot":                  {"depot", "GET /api/bots/{}"},
	"ShoppingLists":        {"depot", "GET /api/shopping-lists"},
	"ShoppingList":         {"depot", "GET /api/shopping-lists/{}"},
	"AssignList":           {"depot", "POST /api/shopping-lists/{}/assign"},
	"CompleteList":         {"depot", "POST /api/shopping-lists/{}/complete"},
	"Saga":                 {"cosec", "GET /api/sagas/{}"},
	"Notifications":        {"notifications", "GET /api/notifications"},
	"SearchOrders":         {"search", "GET /api/search/orders"},
	"Positions":            {"search", "GET /api/positions/search"},
}

// sdkArgs are the arguments of the methods whose strings are not ids,
// after the context.
var sdkArgs = map[string][]any{
	"Positions": {"search"},
}

// sdkNotContexts are the public methods that call no context's API, and why.
var sdkNotContexts = map[string]string{
	"Do":               "the generic call every typed method makes",
	"SMSMessages":      "the SMS provider stand-in (thirdparty/smsprovider), not a context",
	"ResetSMSMessages": "the SMS provider stand-in",
	"SetSMSFault":      "the SMS provider stand-in",
	"SMSFault":         "the SMS provider stand-in",
	"ClearSMSFault":    "the SMS provider stand-in",
	"SendSMS":          "the SMS provider stand-in",
}

// sdkNoError are the methods no request of which a context refuses: they
// need no error interaction.
var sdkNoError = map[string]string{
	"Stores":    "GET /api/stores takes no id, no query and no body",
	"Positions": "GET /api/positions/<context> takes no id, no query and no body",
}

// sdkInteraction is what the gate reads of an interaction of a pact.
type sdkInteraction struct {
	Description string `json:"description"`
	Request     struct {
		Method string              `json:"method"`
		Path   string              `json:"path"`
		Query  map[string][]string `json:"query"`
	} `json:"request"`
	Response struct {
		Status int `json:"status"`
	} `json:"response"`
}

// TestClientCoverage fails, naming them, on every public method of the
// typed client that is neither in sdkRoutes nor in sdkNotContexts, every
// route that is not what its method sends, and every endpoint without an
// interaction in the client's pact with its context, or without one that
// answers an error (a 4xx problem).
func TestClientCoverage(t *testing.T) {
	gaps := sdkUnlisted(sdkRoutes, sdkNotContexts)
	gaps = append(gaps, sdkUntrue(t, sdkRoutes)...)
	gaps = append(gaps, sdkUncovered(sdkRoutes, sdkNoError, sdkPacts(t))...)
	if len(gaps) > 0 {
		t.Errorf("%d gaps in the typed client's contracts (contracts/consumer/client_*_test.go, "+
			"contracts/provider/gate_client_test.go):\n  %s", len(gaps), strings.Join(gaps, "\n  "))
	}
}

// TestClientCoverageNamesGaps: the gate names an unlisted method, an
// endpoint without an interaction and one without an error interaction,
// and a route that is not what its method sends.
func TestClientCoverageNamesGaps(t *testing.T) {
	routes := map[string]sdkRoute{"Store": sdkRoutes["Store"], "Product": sdkRoutes["Product"]}
	gaps := sdkUnlisted(routes, sdkNotContexts)
	assert.Contains(t, gaps, "client.Order: calls no known endpoint (add it to sdkRoutes or sdkNotContexts)")
	ok := sdkInteraction{}
	ok.Request.Method, ok.Request.Path, ok.Response.Status = "GET", "/api/stores/"+pactkit.ExampleID, 200
	gaps = sdkUncovered(routes, nil, map[string][]sdkInteraction{"stores": {ok}})
	assert.Equal(t, []string{
		"client.Product (stores GET /api/products/{}): no error interaction in client-stores.json",
		"client.Product (stores GET /api/products/{}): no interaction in client-stores.json",
		"client.Store (stores GET /api/stores/{}): no error interaction in client-stores.json",
	}, gaps)
	gaps = sdkUntrue(t, map[string]sdkRoute{"Store": {"stores", "GET /api/store/{}"}})
	assert.Equal(t, []string{"client.Store: sends GET /api/stores/{}, not GET /api/store/{}"}, gaps)
}

// sdkUnlisted names the client's public methods in neither table, and
// the table entries that name no method.
func sdkUnlisted(routes map[string]sdkRoute, notContexts map[string]string) []string {
	typ := reflect.TypeOf(&client.Client{})
	var gaps []string
	for i := range typ.NumMethod() {
		name := typ.Method(i).Name
		_, routed := routes[name]
		if _, other := notContexts[name]; !routed && !other {
			gaps = append(gaps, "client."+name+": calls no known endpoint (add it to sdkRoutes or sdkNotContexts)")
		}
	}
	for name := range routes {
		if _, ok := typ.MethodByName(name); !ok {
			gaps = append(gaps, "client."+name+": no such method (remove it from sdkRoutes)")
		}
	}
	slices.Sort(gaps)
	return gaps
}

// sdkUntrue calls every routed method against a server that records the
// request (ids are an example uuid, documents their zero value) and names
// the methods whose request is not their route.
func sdkUntrue(t *testing.T, routes map[string]sdkRoute) []string {
	var mu sync.Mutex
	var got sdkInteraction
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got.Request.Method, got.Request.Path, got.Request.Query = r.Method, r.URL.Path, r.URL.Query()
		mu.Unlock()
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusNotFound)
	}))
	t.Cleanup(srv.Close)
	urls := map[string]string{}
	for _, name := range sdkProviders {
		urls[name] = srv.URL
	}
	c := reflect.ValueOf(client.New(urls, srv.Client()))
	var gaps []string
	for name, r := range routes {
		sdkCallWith(c.MethodByName(name), sdkArgs[name]...)
		mu.Lock()
		seen := got
		mu.Unlock()
		if !sdkMatches(r.route, seen) {
			gaps = append(gaps, fmt.Sprintf("client.%s: sends %s, not %s", name, sdkRouteOf(seen), r.route))
		}
	}
	slices.Sort(gaps)
	return gaps
}

// sdkCallWith calls a client method with given as its first arguments
// after the context, then an example id for each string and the zero value
// of each other argument.
func sdkCallWith(m reflect.Value, given ...any) {
	args := []reflect.Value{reflect.ValueOf(context.Background())}
	for _, g := range given {
		args = append(args, reflect.ValueOf(g))
	}
	for i := len(args); i < m.Type().NumIn(); i++ {
		in := m.Type().In(i)
		if in.Kind() == reflect.String {
			args = append(args, reflect.ValueOf(pactkit.ExampleID).Convert(in))
			continue
		}
		args = append(args, reflect.Zero(in))
	}
	m.Call(args)
}

// sdkUncovered names every endpoint without an interaction, or without an
// error interaction, in the client's pact with its context.
func sdkUncovered(routes map[string]sdkRoute, noError map[string]string, pacts map[string][]sdkInteraction) []string {
	var gaps []string
	for name, r := range routes {
		var ok, failed bool
		for _, i := range pacts[r.context] {
			if sdkMatches(r.route, i) {
				ok = ok || i.Response.Status < 400
				failed = failed || i.Response.Status >= 400
			}
		}
		what := fmt.Sprintf("client.%s (%s %s)", name, r.context, r.route)
		file := sdkConsumer + "-" + r.context + ".json"
		if !ok {
			gaps = append(gaps, what+": no interaction in "+file)
		}
		if _, exempt := noError[name]; !failed && !exempt {
			gaps = append(gaps, what+": no error interaction in "+file)
		}
	}
	slices.Sort(gaps)
	return gaps
}

// sdkPacts reads the client's pact with each context.
func sdkPacts(t *testing.T) map[string][]sdkInteraction {
	out := map[string][]sdkInteraction{}
	for _, name := range sdkProviders {
		data, err := os.ReadFile(pactkit.File(sdkConsumer, name))
		require.NoError(t, err, "the client's pact with %s: run the consumer tests first (make contracts)", name)
		var doc struct{ Interactions []sdkInteraction }
		require.NoError(t, json.Unmarshal(data, &doc))
		out[name] = doc.Interactions
	}
	return out
}

// sdkMatches reports whether an interaction's request is on route: the
// same method and path pattern, and at least the route's query parameters.
func sdkMatches(route string, i sdkInteraction) bool {
	method, rest, _ := strings.Cut(route, " ")
	path, query, _ := strings.Cut(rest, "?")
	if method != i.Request.Method || path != idPattern(i.Request.Path) {
		return false
	}
	for _, key := range strings.Split(query, "&") {
		if _, ok := i.Request.Query[key]; key != "" && !ok {
			return false
		}
	}
	return true
}

// sdkRouteOf is the route of an interaction's request, with all its
// query parameters.
func sdkRouteOf(i sdkInteraction) string {
	route := i.Request.Method + " " + idPattern(i.Request.Path)
	keys := make([]string, 0, len(i.Request.Query))
	for k := range i.Request.Query {
		keys = append(keys, k)
	}
	if len(keys) > 0 {
		slices.Sort(keys)
		route += "?" + strings.Join(keys, "&")
	}
	return route
}
