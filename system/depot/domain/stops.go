package domain

import (
	"fmt"
	"strings"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

// Bounds of one order's list: merged lines can never overflow a quantity.
const (
	MaxItems    = 1000
	MaxQuantity = 1_000_000
)

// Store is what the depot knows of a store: where a bot finds it.
type Store struct {
	ID       string
	Name     string
	Location string
}

// CheckOrder refuses an order the depot cannot make a list from: a missing
// order id, no items, or an item without product, store or quantity.
func CheckOrder(orderID string, items []depotapi.OrderItem) error {
	var c apperr.Check
	checkID(&c, "orderId", orderID)
	c.Require(len(items) > 0, "items", "must not be empty")
	c.Require(len(items) <= MaxItems, "items", fmt.Sprintf("must be at most %d", MaxItems))
	for i, it := range items {
		field := fmt.Sprintf("items[%d].", i)
		checkID(&c, field+"productId", it.ProductID)
		checkID(&c, field+"storeId", it.StoreID)
		c.Require(Printable(it.ProductName), field+"productName", "must be printable text without control characters")
		c.Require(it.Quantity > 0 && it.Quantity <= MaxQuantity, field+"quantity",
			fmt.Sprintf("must be between 1 and %d", MaxQuantity))
	}
	return c.Err()
}

// StoreIDs returns the distinct stores of items, in order of first mention.
func StoreIDs(items []depotapi.OrderItem) []string {
	var ids []string
	seen := map[string]bool{}
	for _, it := range items {
		if !seen[it.StoreID] {
			seen[it.StoreID] = true
			ids = append(ids, it.StoreID)
		}
	}
	return ids
}

// PlanStops groups items into one stop per store, in order of first mention,
// each with the store's name and location; lines of the same product at a
// store are merged. A store missing from stores is unknown to the depot.
func PlanStops(items []depotapi.OrderItem, stores map[string]Store) ([]depotapi.Stop, error) {
	var stops []depotapi.Stop
	at := map[string]int{}
	for _, it := range items {
		i, ok := at[it.StoreID]
		if !ok {
			s, known := stores[it.StoreID]
			if !known {
				return nil, UnknownStore(it.StoreID)
			}
			i, at[it.StoreID] = len(stops), len(stops)
			stops = append(stops, depotapi.Stop{StoreID: s.ID, StoreName: s.Name, StoreLocation: s.Location})
		}
		stops[i].Items = addItem(stops[i].Items, it)
	}
	return stops, nil
}

func addItem(items []depotapi.ListItem, it depotapi.OrderItem) []depotapi.ListItem {
	for i := range items {
		if items[i].ProductID == it.ProductID {
			items[i].Quantity += it.Quantity
			return items
		}
	}
	return append(items, depotapi.ListItem{ProductID: it.ProductID,
		ProductName: strings.TrimSpace(it.ProductName), Quantity: it.Quantity})
}

// UnknownStore reports a store the depot has no name and location for.
func UnknownStore(id string) error {
	return &apperr.Error{Kind: apperr.KindNotFound, Msg: fmt.Sprintf("store %q unknown to the depot", id)}
}
