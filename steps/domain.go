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
	} {
		r.group = group.name
		group.register(r, x)
	}
}
