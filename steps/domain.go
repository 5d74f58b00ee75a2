package steps

// registerDomain registers the business-language steps of every context.
func registerDomain(r *registry, x *scenarioSteps) {
	for _, group := range []struct {
		name     string
		register func(*registry, *scenarioSteps)
	}{
		{"Stores", registerStores},
	} {
		r.group = group.name
		group.register(r, x)
	}
}
