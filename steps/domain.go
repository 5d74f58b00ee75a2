package steps

// registerDomain registers the business-language steps of every context.
func registerDomain(r *registry, x *scenarioSteps) {
	for _, group := range []struct {
		name     string
		register func(*registry, *scenarioSteps)
	}{
		{"Stores", registerStores},
		{"Customers", registerCustomers},
		{"Baskets", registerBaskets},
		{"Orders, shopping lists, invoices and the saga", registerOrders},
		{"Payments and invoices", registerPayments},
		{"Depot: bots and shopping lists", registerDepot},
		{"The create-order saga", registerSaga},
		{"Notifications", registerNotifications},
		{"Search", registerSearch},
	} {
		r.group = group.name
		group.register(r, x)
	}
}
