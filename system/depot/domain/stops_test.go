package domain_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/depot/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

var (
	cafe  = domain.Store{ID: "s1", Name: "Cafe", Location: "Level 1"}
	books = domain.Store{ID: "s2", Name: "Books", Location: "Level 2"}
	known = map[string]domain.Store{cafe.ID: cafe, books.ID: books}
)

func item(store, product string, quantity int) depotapi.OrderItem {
	return depotapi.OrderItem{ProductID: product, ProductName: "name of " + product, StoreID: store, Quantity: quantity}
}

func listItem(product string, quantity int) depotapi.ListItem {
	return depotapi.ListItem{ProductID: product, ProductName: "name of " + product, Quantity: quantity}
}

func TestPlanStops(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		items []depotapi.OrderItem
		want  []depotapi.Stop
		err   string
	}{
		{"one store", []depotapi.OrderItem{item("s1", "cup", 2)},
			[]depotapi.Stop{{StoreID: "s1", StoreName: "Cafe", StoreLocation: "Level 1", Items: []depotapi.ListItem{listItem("cup", 2)}}}, ""},
		{"grouped by store in order of first mention", []depotapi.OrderItem{
			item("s2", "novel", 1), item("s1", "cup", 2), item("s2", "atlas", 1)},
			[]depotapi.Stop{
				{StoreID: "s2", StoreName: "Books", StoreLocation: "Level 2", Items: []depotapi.ListItem{listItem("novel", 1), listItem("atlas", 1)}},
				{StoreID: "s1", StoreName: "Cafe", StoreLocation: "Level 1", Items: []depotapi.ListItem{listItem("cup", 2)}},
			}, ""},
		{"lines of one product merged", []depotapi.OrderItem{item("s1", "cup", 2), item("s1", "cup", 3)},
			[]depotapi.Stop{{StoreID: "s1", StoreName: "Cafe", StoreLocation: "Level 1", Items: []depotapi.ListItem{listItem("cup", 5)}}}, ""},
		{"unknown store", []depotapi.OrderItem{item("s1", "cup", 2), item("s9", "x", 1)}, nil, `store "s9" unknown to the depot`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := domain.PlanStops(tc.items, known)
			if tc.err != "" {
				assert.Equal(t, apperr.KindNotFound, kindOf(err))
				assert.EqualError(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestStoreIDs(t *testing.T) {
	t.Parallel()
	got := domain.StoreIDs([]depotapi.OrderItem{item("s2", "a", 1), item("s1", "b", 1), item("s2", "c", 1)})
	assert.Equal(t, []string{"s2", "s1"}, got)
}

func TestCheckOrder(t *testing.T) {
	t.Parallel()
	ok := item("s1", "cup", 1)
	with := func(change func(*depotapi.OrderItem)) []depotapi.OrderItem {
		it := ok
		change(&it)
		return []depotapi.OrderItem{it}
	}
	many := make([]depotapi.OrderItem, domain.MaxItems+1)
	for i := range many {
		many[i] = ok
	}
	for _, tc := range []struct {
		name    string
		orderID string
		items   []depotapi.OrderItem
		fields  []string
	}{
		{"valid", "o1", []depotapi.OrderItem{ok}, nil},
		{"nothing", "", nil, []string{"orderId", "items"}},
		{"NUL in order id", "o\x001", []depotapi.OrderItem{ok}, []string{"orderId"}},
		{"order id too long", strings.Repeat("o", domain.MaxIDLength+1), []depotapi.OrderItem{ok}, []string{"orderId"}},
		{"too many items", "o1", many, []string{"items"}},
		{"no product", "o1", with(func(it *depotapi.OrderItem) { it.ProductID = "" }), []string{"items[0].productId"}},
		{"no store", "o1", with(func(it *depotapi.OrderItem) { it.StoreID = "" }), []string{"items[0].storeId"}},
		{"invalid UTF-8 store", "o1", with(func(it *depotapi.OrderItem) { it.StoreID = "\xff" }), []string{"items[0].storeId"}},
		{"NUL in product name", "o1", with(func(it *depotapi.OrderItem) { it.ProductName = "a\x00" }), []string{"items[0].productName"}},
		{"zero quantity", "o1", with(func(it *depotapi.OrderItem) { it.Quantity = 0 }), []string{"items[0].quantity"}},
		{"negative quantity", "o1", with(func(it *depotapi.OrderItem) { it.Quantity = -1 }), []string{"items[0].quantity"}},
		{"quantity too large", "o1", with(func(it *depotapi.OrderItem) { it.Quantity = domain.MaxQuantity + 1 }), []string{"items[0].quantity"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := domain.CheckOrder(tc.orderID, tc.items)
			if tc.fields == nil {
				assert.NoError(t, err)
				return
			}
			e, ok := apperr.As(err)
			require.True(t, ok, "%v", err)
			var got []string
			for _, f := range e.Fields {
				got = append(got, f.Field)
			}
			assert.Equal(t, tc.fields, got)
		})
	}
}

func TestNewBot(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, in, want string
		err            apperr.Kind
	}{
		{"valid", "Robbie", "Robbie", 0},
		{"trimmed", "  Robbie \n", "Robbie", 0},
		{"unicode", "ロボ 🤖", "ロボ 🤖", 0},
		{"empty", "", "", apperr.KindInvalid},
		{"blank", " \t ", "", apperr.KindInvalid},
		{"control character", "Rob\x00bie", "", apperr.KindInvalid},
		{"too long", strings.Repeat("r", domain.MaxNameLength+1), "", apperr.KindInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b, err := domain.NewBot("b1", tc.in)
			assert.Equal(t, tc.err, kindOf(err), "%v", err)
			assert.Equal(t, tc.want, b.Name)
		})
	}
}

func TestIDs(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		id            string
		valid, issued bool
	}{
		{"0190b7e2-0000-7000-8000-000000000000", true, true},
		{"0190B7E2-0000-7000-8000-000000000000", true, false},
		{"order-1", true, false},
		{"", false, false},
		{"a\x00", false, false},
		{strings.Repeat("x", domain.MaxIDLength+1), false, false},
	} {
		assert.Equal(t, tc.valid, domain.ValidID(tc.id), "valid %q", tc.id)
		assert.Equal(t, tc.issued, domain.IsIssuedID(tc.id), "issued %q", tc.id)
	}
}
