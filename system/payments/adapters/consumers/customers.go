package consumers

import (
	"github.com/mallbots/mallbots/system/customers/customerslookup"
	"github.com/mallbots/mallbots/system/platform/inbox"
)

// CustomersConsumer is the durable consumer of customers' events.
const CustomersConsumer = "payments-customers"

// CustomerCache is what the customers consumer updates.
type CustomerCache = customerslookup.Cache

// Customers routes customers' CustomerRegistered into the cache of the
// customers a payment may be authorized for.
func Customers(c CustomerCache) *inbox.Router { return customerslookup.Router(CustomersConsumer, c) }
