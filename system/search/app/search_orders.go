package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/search/searchapi"
)

// MaxIDLength bounds the ids a search filters by.
const MaxIDLength = 200

// statuses are the order statuses a search may filter by.
var statuses = []string{
	string(orderingapi.StatusPending), string(orderingapi.StatusApproved), string(orderingapi.StatusReady),
	string(orderingapi.StatusCompleted), string(orderingapi.StatusRejected), string(orderingapi.StatusCanceled),
}

// SearchOrders finds the orders matching q, newest first, with the names
// search knows now. q.Limit must lie within 1 and searchapi.MaxLimit.
func (a *App) SearchOrders(ctx context.Context, q searchapi.OrderQuery) (searchapi.OrderList, error) {
	if err := validate(q); err != nil {
		return searchapi.OrderList{}, err
	}
	orders, err := a.model.FindOrders(ctx, q)
	if err != nil {
		return searchapi.OrderList{}, fmt.Errorf("find orders: %w", err)
	}
	if orders == nil {
		orders = []searchapi.Order{}
	}
	return searchapi.OrderList{Orders: orders}, nil
}

func validate(q searchapi.OrderQuery) error {
	var c apperr.Check
	c.Require(validID(q.CustomerID), searchapi.ParamCustomerID, idRule)
	c.Require(validID(q.StoreID), searchapi.ParamStoreID, idRule)
	c.Require(q.Status == "" || slices.Contains(statuses, q.Status), searchapi.ParamStatus,
		"must be one of "+strings.Join(statuses, ", "))
	c.Require(q.From.IsZero() || q.To.IsZero() || !q.To.Before(q.From), searchapi.ParamTo,
		"must not be before from")
	c.Require(q.Limit >= 1 && q.Limit <= searchapi.MaxLimit, searchapi.ParamLimit, LimitRule)
	return InvalidQuery(c.Err())
}

const idRule = "must be printable UTF-8 text of at most 200 bytes"

// LimitRule says what a valid limit is.
var LimitRule = fmt.Sprintf("must be a whole number from 1 to %d", searchapi.MaxLimit)

// validID accepts no id (no filter) or one that can be stored as text.
func validID(id string) bool {
	return len(id) <= MaxIDLength && utf8.ValidString(id) &&
		!strings.ContainsFunc(id, unicode.IsControl)
}

// InvalidQuery names the invalid parameters in the message of an invalid
// fields error, so that the problem's detail says which ones to fix.
func InvalidQuery(err error) error {
	e, ok := apperr.As(err)
	if !ok || e.Kind != apperr.KindInvalid || len(e.Fields) == 0 {
		return err
	}
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = fmt.Sprintf("%q %s", f.Field, f.Reason)
	}
	e.Msg = "invalid query parameters: " + strings.Join(parts, "; ")
	return e
}
