package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// PutCustomer upserts a customer's name unless the read model holds version
// or a newer one, so a late or repeated event never rolls a name back.
func (m *ReadModel) PutCustomer(ctx context.Context, tx pgx.Tx, c customersapi.Customer, version int) error {
	_, err := tx.Exec(ctx, `INSERT INTO customers (customer_id, name, version) VALUES ($1, $2, $3)
		ON CONFLICT (customer_id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version
		WHERE customers.version < EXCLUDED.version`, c.ID, c.Name, version)
	if err != nil {
		return fmt.Errorf("put customer %s: %w", c.ID, err)
	}
	return nil
}

// PutStore upserts a store's name unless the read model holds version or a
// newer one.
func (m *ReadModel) PutStore(ctx context.Context, tx pgx.Tx, s storesapi.Store, version int) error {
	_, err := tx.Exec(ctx, `INSERT INTO stores (store_id, name, version) VALUES ($1, $2, $3)
		ON CONFLICT (store_id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version
		WHERE stores.version < EXCLUDED.version`, s.ID, s.Name, version)
	if err != nil {
		return fmt.Errorf("put store %s: %w", s.ID, err)
	}
	return nil
}

// PutProduct upserts a product's name unless the read model holds version
// or a newer one. A removed product keeps its name: old orders still show it.
func (m *ReadModel) PutProduct(ctx context.Context, tx pgx.Tx, p storesapi.Product, version int) error {
	_, err := tx.Exec(ctx, `INSERT INTO products (product_id, store_id, name, version) VALUES ($1, $2, $3, $4)
		ON CONFLICT (product_id) DO UPDATE
		SET store_id = EXCLUDED.store_id, name = EXCLUDED.name, version = EXCLUDED.version
		WHERE products.version < EXCLUDED.version`, p.ID, p.StoreID, p.Name, version)
	if err != nil {
		return fmt.Errorf("put product %s: %w", p.ID, err)
	}
	return nil
}
