package steps

import (
	"context"
	"fmt"

	"github.com/cucumber/godog"

	"github.com/mallbots/mallbots/system/stores/storesapi"
)

func registerStores(r *registry, x *scenarioSteps) {
	r.add(`^a store "([^"]*)" on "([^"]*)" joins the mall$`, `a store "Corner Shop" on "Level 1" joins the mall`, x.storeJoins)
	r.add(`^a store "([^"]*)" on "([^"]*)" opens but does not join the mall$`,
		`a store "Quiet Shop" on "Level 2" opens but does not join the mall`, x.storeOpens)
	r.add(`^the store "([^"]*)" sells "([^"]*)" for ([\d.]+)$`, `the store "Corner Shop" sells "Hammer" for 12.50`, x.storeSells)
	r.add(`^the store "([^"]*)" is rebranded as "([^"]*)"$`, `the store "Corner Shop" is rebranded as "Big Shop"`, x.rebrandStore)
	r.add(`^the product "([^"]*)" is rebranded as "([^"]*)"$`, `the product "Hammer" is rebranded as "Mallet"`, x.rebrandProduct)
	r.add(`^the price of "([^"]*)" goes (up|down) by ([\d.]+)$`, `the price of "Hammer" goes up by 2.50`, x.changePrice)
	r.add(`^I try to lower the price of "([^"]*)" by ([\d.]+)$`, `I try to lower the price of "Hammer" by 99.00`, x.tryLowerPrice)
	r.add(`^the store "([^"]*)" leaves the mall$`, `the store "Corner Shop" leaves the mall`, x.storeLeaves)
	r.add(`^I try to make the store "([^"]*)" leave the mall$`, `I try to make the store "Corner Shop" leave the mall`, x.tryStoreLeaves)
	r.add(`^the product "([^"]*)" is removed from the catalogue$`, `the product "Hammer" is removed from the catalogue`, x.removeProduct)
	r.add(`^I try to add "([^"]*)" for (-?[\d.]+) to the store "([^"]*)"$`, `I try to add "Ghost" for 0 to the store "Corner Shop"`, x.tryAddProduct)
	r.add(`^the store "([^"]*)" is (participating|not participating)$`, `the store "Corner Shop" is participating`, x.storeIs)
	r.add(`^the catalogue of "([^"]*)" lists:$`,
		"the catalogue of \"Corner Shop\" lists:\n  | product | price |\n  | Hammer  | 12.50 |", x.catalogueLists)
	registerRefusals(r, x)
}

func (x *scenarioSteps) storeOpens(ctx context.Context, name, location string) error {
	s, err := x.s.Client.CreateStore(ctx, storesapi.CreateStore{Name: x.s.Unique(name), Location: location})
	if err != nil {
		return err
	}
	x.s.Remember("store", name, s.ID)
	return nil
}

func (x *scenarioSteps) storeJoins(ctx context.Context, name, location string) error {
	if err := x.storeOpens(ctx, name, location); err != nil {
		return err
	}
	return x.withStore(name, func(id string) error {
		_, err := x.s.Client.EnableParticipation(ctx, id)
		return err
	})
}

func (x *scenarioSteps) storeSells(ctx context.Context, store, product, price string) error {
	p, err := x.addProduct(ctx, store, product, price)
	if err != nil {
		return err
	}
	x.s.Remember("product", product, p.ID)
	return nil
}

func (x *scenarioSteps) tryAddProduct(ctx context.Context, product, price, store string) error {
	_, err := x.addProduct(ctx, store, product, price)
	x.s.Attempted(err)
	return nil
}

func (x *scenarioSteps) addProduct(ctx context.Context, store, product, price string) (storesapi.Product, error) {
	c, err := cents(price)
	if err != nil {
		return storesapi.Product{}, err
	}
	storeID, err := x.s.Lookup("store", store)
	if err != nil {
		return storesapi.Product{}, err
	}
	return x.s.Client.AddProduct(ctx, storeID, storesapi.AddProduct{
		Name: x.s.Unique(product), SKU: "SKU-" + product, PriceCents: c})
}

func (x *scenarioSteps) rebrandStore(ctx context.Context, store, name string) error {
	return x.withStore(store, func(id string) error {
		st, err := x.s.Client.RebrandStore(ctx, id, storesapi.RebrandStore{Name: x.s.Unique(name)})
		x.s.Remember("store", name, id)
		if err != nil {
			return err
		}
		return announced(ctx, x.s, id, st)
	})
}

func (x *scenarioSteps) rebrandProduct(ctx context.Context, product, name string) error {
	return x.withProduct(product, func(id string) error {
		p, err := x.s.Client.RebrandProduct(ctx, id, storesapi.RebrandProduct{Name: x.s.Unique(name)})
		x.s.Remember("product", name, id)
		if err != nil {
			return err
		}
		return announced(ctx, x.s, id, p)
	})
}

func (x *scenarioSteps) changePrice(ctx context.Context, product, direction, by string) error {
	delta, err := cents(by)
	if err != nil {
		return err
	}
	return x.withProduct(product, func(id string) error {
		in := storesapi.ChangePrice{DeltaCents: delta}
		var p storesapi.Product
		if direction == "up" {
			p, err = x.s.Client.IncreasePrice(ctx, id, in)
		} else {
			p, err = x.s.Client.DecreasePrice(ctx, id, in)
		}
		if err != nil {
			return err
		}
		return announced(ctx, x.s, id, p)
	})
}

func (x *scenarioSteps) tryLowerPrice(ctx context.Context, product, by string) error {
	delta, err := cents(by)
	if err != nil {
		return err
	}
	return x.withProduct(product, func(id string) error {
		_, err := x.s.Client.DecreasePrice(ctx, id, storesapi.ChangePrice{DeltaCents: delta})
		x.s.Attempted(err)
		return nil
	})
}

func (x *scenarioSteps) storeLeaves(ctx context.Context, store string) error {
	return x.withStore(store, func(id string) error {
		_, err := x.s.Client.DisableParticipation(ctx, id)
		return err
	})
}

func (x *scenarioSteps) tryStoreLeaves(ctx context.Context, store string) error {
	return x.withStore(store, func(id string) error {
		_, err := x.s.Client.DisableParticipation(ctx, id)
		x.s.Attempted(err)
		return nil
	})
}

func (x *scenarioSteps) removeProduct(ctx context.Context, product string) error {
	return x.withProduct(product, func(id string) error {
		_, err := x.s.Client.RemoveProduct(ctx, id)
		return err
	})
}

func (x *scenarioSteps) storeIs(ctx context.Context, store, state string) error {
	return x.withStore(store, func(id string) error {
		s, err := x.s.Client.Store(ctx, id)
		if err != nil {
			return err
		}
		if s.Participating != (state == "participating") {
			return fmt.Errorf("expected the store to be %s, but participating=%v", state, s.Participating)
		}
		return nil
	})
}

func (x *scenarioSteps) catalogueLists(ctx context.Context, store string, table *godog.Table) error {
	rows, err := rowsOf(table, "product", "price")
	if err != nil {
		return err
	}
	return x.withStore(store, func(id string) error {
		catalog, err := x.s.Client.Catalog(ctx, id)
		if err != nil {
			return err
		}
		got := map[string]string{}
		for _, p := range catalog.Products {
			got[p.Name] = amount(p.PriceCents)
		}
		for _, row := range rows {
			if price, ok := got[x.s.Unique(row["product"])]; !ok || price != row["price"] {
				return fmt.Errorf("expected %s at %s in the catalogue, got %v", row["product"], row["price"], got)
			}
		}
		if len(got) != len(rows) {
			return fmt.Errorf("expected %d products in the catalogue, got %d: %v", len(rows), len(got), got)
		}
		return nil
	})
}

func (x *scenarioSteps) withStore(name string, fn func(id string) error) error {
	id, err := x.s.Lookup("store", name)
	if err != nil {
		return err
	}
	return fn(id)
}

func (x *scenarioSteps) withProduct(name string, fn func(id string) error) error {
	id, err := x.s.Lookup("product", name)
	if err != nil {
		return err
	}
	return fn(id)
}
