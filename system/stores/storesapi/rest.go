package storesapi

// CreateStore is the body of POST /api/stores.
type CreateStore struct {
	Name     string `json:"name"`
	Location string `json:"location"`
}

// RebrandStore is the body of POST /api/stores/{storeId}/rebrand.
type RebrandStore struct {
	Name string `json:"name"`
}

// AddProduct is the body of POST /api/stores/{storeId}/products.
type AddProduct struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	SKU         string `json:"sku"`
	PriceCents  int64  `json:"priceCents"`
}

// RebrandProduct is the body of POST /api/products/{productId}/rebrand.
type RebrandProduct struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// ChangePrice is the body of POST /api/products/{productId}/increase-price
// and /decrease-price.
type ChangePrice struct {
	DeltaCents int64 `json:"deltaCents"`
}

// StoreList is the body of GET /api/stores.
type StoreList struct {
	Stores []Store `json:"stores"`
}

// Catalog is the body of GET /api/stores/{storeId}/products.
type Catalog struct {
	StoreID  string    `json:"storeId"`
	Products []Product `json:"products"`
}
