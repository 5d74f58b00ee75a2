package domain

// Product is what baskets knows of a product sold in the mall, taken from
// stores' events or, on a cache miss, from stores' REST API.
type Product struct {
	ID         string
	StoreID    string
	Name       string
	PriceCents int64
	Removed    bool
}

// Store is what baskets knows of a store.
type Store struct {
	ID            string
	Name          string
	Participating bool
}
