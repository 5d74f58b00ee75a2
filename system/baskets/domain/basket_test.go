package domain_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/baskets/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

var (
	shop = domain.Store{ID: "s1", Name: "Shop", Participating: true}
	pen  = domain.Product{ID: "p1", StoreID: "s1", Name: "Pen", PriceCents: 150}
)

func newBasket(t *testing.T) *domain.Basket {
	t.Helper()
	b, err := domain.NewBasket("b1", "c1")
	require.NoError(t, err)
	return b
}

func kindOf(err error) apperr.Kind {
	if e, ok := apperr.As(err); ok {
		return e.Kind
	}
	return 0
}

func TestAddItemRules(t *testing.T) {
	t.Parallel()
	closed := newBasket(t)
	require.NoError(t, closed.Cancel())
	for _, tc := range []struct {
		name     string
		basket   *domain.Basket
		product  domain.Product
		store    domain.Store
		quantity int
		want     apperr.Kind
	}{
		{"zero quantity", newBasket(t), pen, shop, 0, apperr.KindInvalid},
		{"too many", newBasket(t), pen, shop, domain.MaxQuantity + 1, apperr.KindInvalid},
		{"closed basket", closed, pen, shop, 1, apperr.KindConflict},
		{"removed product", newBasket(t), domain.Product{ID: "p2", StoreID: "s1", Removed: true}, shop, 1, apperr.KindConflict},
		{"store not participating", newBasket(t), pen, domain.Store{ID: "s1"}, 1, apperr.KindConflict},
		{"another store's product", newBasket(t), pen, domain.Store{ID: "s2", Participating: true}, 1, apperr.KindConflict},
		{"total out of range", newBasket(t), domain.Product{ID: "p3", StoreID: "s1", PriceCents: math.MaxInt64 / 2}, shop, 3, apperr.KindConflict},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.basket.AddItem(tc.product, tc.store, tc.quantity)
			assert.Equal(t, tc.want, kindOf(err), "%v", err)
		})
	}
}

func TestReAddTakesTheCurrentPriceAndKeepsEarlierEventsIntact(t *testing.T) {
	t.Parallel()
	b := newBasket(t)
	require.NoError(t, b.AddItem(pen, shop, 2))
	dearer := pen
	dearer.PriceCents, dearer.Name = 200, "Fine Pen"
	require.NoError(t, b.AddItem(dearer, shop, 1))

	assert.Equal(t, []basketsapi.Item{{StoreID: "s1", StoreName: "Shop", ProductID: "p1",
		ProductName: "Fine Pen", PriceCents: 200, Quantity: 3}}, b.State.Items)
	assert.EqualValues(t, 600, b.State.TotalCents)
	first := b.Changes()[1].(basketsapi.BasketItemAdded)
	assert.Equal(t, 2, first.Items[0].Quantity, "a raised event never changes afterwards")
	assert.EqualValues(t, 300, first.TotalCents)
}

func TestCheckoutRules(t *testing.T) {
	t.Parallel()
	b := newBasket(t)
	assert.Equal(t, apperr.KindConflict, kindOf(b.Checkout("pay-1")), "an empty basket")
	require.NoError(t, b.AddItem(pen, shop, 1))
	assert.Equal(t, apperr.KindInvalid, kindOf(b.Checkout("")), "no payment")
	require.NoError(t, b.Checkout("pay-1"))
	assert.Equal(t, basketsapi.StatusCheckedOut, b.State.Status)
	assert.Equal(t, "pay-1", b.State.PaymentID)
	assert.Equal(t, apperr.KindConflict, kindOf(b.Checkout("pay-2")), "checking out twice")
}
