package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/search/searchapi"
)

// FindOrders selects one page of orders matching q, newest first, then
// joins the page with the names known now; a name search has not heard of
// yet falls back to the one the order event carried. One statement reads
// one snapshot, so an order and its lines always match.
func (m *ReadModel) FindOrders(ctx context.Context, q searchapi.OrderQuery) ([]searchapi.Order, error) {
	where, args := filter(q)
	args = append(args, q.Limit)
	sql := `WITH page AS (
			SELECT order_id, customer_id, status, total_cents, created_at, updated_at FROM orders o
			` + where + `
			ORDER BY created_at DESC, order_id DESC LIMIT $` + fmt.Sprint(len(args)) + `)
		SELECT page.order_id, page.customer_id, COALESCE(c.name, ''), page.status, page.total_cents,
		       page.created_at, page.updated_at, COALESCE(lines.items, '[]'::json)
		FROM page
		LEFT JOIN customers c ON c.customer_id = page.customer_id
		LEFT JOIN LATERAL (
			SELECT json_agg(json_build_object(
				'productId', i.product_id, 'productName', COALESCE(NULLIF(p.name, ''), i.product_name),
				'storeId', i.store_id, 'storeName', COALESCE(NULLIF(s.name, ''), i.store_name),
				'priceCents', i.price_cents, 'quantity', i.quantity) ORDER BY i.position) AS items
			FROM order_items i
			LEFT JOIN products p ON p.product_id = i.product_id
			LEFT JOIN stores s ON s.store_id = i.store_id
			WHERE i.order_id = page.order_id
		) lines ON true
		ORDER BY page.created_at DESC, page.order_id DESC`
	rows, _ := m.pool.Query(ctx, sql, args...)
	orders, err := pgx.CollectRows(rows, scanOrder)
	if err != nil {
		return nil, fmt.Errorf("search orders: %w", err)
	}
	return orders, nil
}

// filter turns the query's filters into a WHERE clause over orders o and
// its arguments, naming only the filters given so the indexes apply.
func filter(q searchapi.OrderQuery) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, arg any) {
		args = append(args, arg)
		conds = append(conds, strings.ReplaceAll(cond, "?", fmt.Sprintf("$%d", len(args))))
	}
	if q.CustomerID != "" {
		add("o.customer_id = ?", q.CustomerID)
	}
	if q.StoreID != "" {
		add("EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.order_id AND i.store_id = ?)", q.StoreID)
	}
	if q.Status != "" {
		add("o.status = ?", q.Status)
	}
	if !q.From.IsZero() {
		// Postgres keeps microseconds: a bound finer than that is rounded
		// down, so that from = a createdAt as returned includes that order.
		add("o.created_at >= ?", q.From.Truncate(time.Microsecond))
	}
	if !q.To.IsZero() {
		add("o.created_at <= ?", q.To)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return "WHERE " + strings.Join(conds, " AND "), args
}

func scanOrder(r pgx.CollectableRow) (searchapi.Order, error) {
	var o searchapi.Order
	err := r.Scan(&o.OrderID, &o.CustomerID, &o.CustomerName, &o.Status, &o.TotalCents,
		&o.CreatedAt, &o.UpdatedAt, &o.Items)
	o.CreatedAt, o.UpdatedAt = o.CreatedAt.UTC(), o.UpdatedAt.UTC()
	return o, err
}
