package storesapi

// Store is the full state of a store, carried by every store event.
type Store struct {
	ID            string `json:"storeId"`
	Name          string `json:"name"`
	Location      string `json:"location"`
	Participating bool   `json:"participating"`
}

// Product is the full state of a product, carried by every product event.
type Product struct {
	ID          string `json:"productId"`
	StoreID     string `json:"storeId"`
	Name        string `json:"name"`
	Description string `json:"description"`
	SKU         string `json:"sku"`
	PriceCents  int64  `json:"priceCents"`
	Removed     bool   `json:"removed"`
}

// Store events.
type (
	StoreCreated               struct{ Store }
	StoreParticipationEnabled  struct{ Store }
	StoreParticipationDisabled struct{ Store }
	StoreRebranded             struct{ Store }
)

// Product events.
type (
	ProductAdded          struct{ Product }
	ProductRebranded      struct{ Product }
	ProductPriceIncreased struct{ Product }
	ProductPriceDecreased struct{ Product }
	ProductRemoved        struct{ Product }
)

// EventName implementations: the message name on the wire.
func (StoreCreated) EventName() string               { return "StoreCreated" }
func (StoreParticipationEnabled) EventName() string  { return "StoreParticipationEnabled" }
func (StoreParticipationDisabled) EventName() string { return "StoreParticipationDisabled" }
func (StoreRebranded) EventName() string             { return "StoreRebranded" }
func (ProductAdded) EventName() string               { return "ProductAdded" }
func (ProductRebranded) EventName() string           { return "ProductRebranded" }
func (ProductPriceIncreased) EventName() string      { return "ProductPriceIncreased" }
func (ProductPriceDecreased) EventName() string      { return "ProductPriceDecreased" }
func (ProductRemoved) EventName() string             { return "ProductRemoved" }

// StoreState returns the store's state; every store event promotes it.
func (s Store) StoreState() Store { return s }

// ProductState returns the product's state; every product event promotes it.
func (p Product) ProductState() Product { return p }

// StoreEvent is any stores event about a store: each carries its full state.
type StoreEvent interface {
	StoreState() Store
	EventName() string
}

// ProductEvent is any stores event about a product: each carries its full
// state.
type ProductEvent interface {
	ProductState() Product
	EventName() string
}
