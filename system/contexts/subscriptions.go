package contexts

import (
	basketsconsumers "github.com/mallbots/mallbots/system/baskets/adapters/consumers"
	cosecconsumers "github.com/mallbots/mallbots/system/cosec/adapters/consumers"
	customerscommands "github.com/mallbots/mallbots/system/customers/adapters/commands"
	depotcommands "github.com/mallbots/mallbots/system/depot/adapters/commands"
	depotconsumers "github.com/mallbots/mallbots/system/depot/adapters/consumers"
	notificationsconsumers "github.com/mallbots/mallbots/system/notifications/adapters/consumers"
	orderingcommands "github.com/mallbots/mallbots/system/ordering/adapters/commands"
	orderingconsumers "github.com/mallbots/mallbots/system/ordering/adapters/consumers"
	paymentscommands "github.com/mallbots/mallbots/system/payments/adapters/commands"
	paymentsconsumers "github.com/mallbots/mallbots/system/payments/adapters/consumers"
	"github.com/mallbots/mallbots/system/platform/inbox"
	searchconsumers "github.com/mallbots/mallbots/system/search/adapters/consumers"
)

// Subscription is one durable consumer of a context and the subjects it
// receives.
type Subscription struct {
	Context  string
	Consumer string
	Subjects []string
}

// Subscriptions lists every consumer each context's module mounts, in start
// order. The routers are built by the constructors the modules call (their
// dependencies are not called to list subjects); the test checks that each
// module mounts as many routers as are listed here.
func Subscriptions() []Subscription {
	routers := map[string][]*inbox.Router{
		"baskets":       {basketsconsumers.Stores(nil), basketsconsumers.Customers(nil)},
		"cosec":         {cosecconsumers.Ordering(nil), cosecconsumers.Replies(nil)},
		"customers":     {customerscommands.Router(nil)},
		"depot":         {depotcommands.Router(nil), depotconsumers.Stores(nil), depotconsumers.Ordering(nil)},
		"notifications": {notificationsconsumers.Customers(nil), notificationsconsumers.Ordering(nil)},
		"ordering": {orderingconsumers.Baskets(nil), orderingconsumers.Depot(nil),
			orderingconsumers.Payments(nil), orderingcommands.Router(nil)},
		"payments": {paymentsconsumers.Ordering(nil), paymentsconsumers.Customers(nil), paymentscommands.Router(nil)},
		"search":   {searchconsumers.Ordering(nil), searchconsumers.Customers(nil), searchconsumers.Stores(nil)},
	}
	var subs []Subscription
	for _, name := range Names() {
		for _, r := range routers[name] {
			subs = append(subs, Subscription{Context: name, Consumer: r.Consumer(), Subjects: r.Subjects()})
		}
	}
	return subs
}
