package client

import (
	"context"
	"net/http"
	"net/url"

	"github.com/mallbots/mallbots/system/depot/depotapi"
)

const depot = depotapi.Context

// RegisterBot registers a bot.
func (c *Client) RegisterBot(ctx context.Context, in depotapi.RegisterBot) (out depotapi.Bot, err error) {
	return out, c.Do(ctx, depot, http.MethodPost, "/api/bots", in, &out)
}

// Bot reads one bot.
func (c *Client) Bot(ctx context.Context, id string) (out depotapi.Bot, err error) {
	return out, c.Do(ctx, depot, http.MethodGet, "/api/bots/"+url.PathEscape(id), nil, &out)
}

// ShoppingLists lists the shopping lists matching f; a bot looks for work
// with Status available.
func (c *Client) ShoppingLists(ctx context.Context, f depotapi.ShoppingListFilter) (out depotapi.ShoppingListList, err error) {
	q := url.Values{}
	if f.Status != "" {
		q.Set(depotapi.QueryStatus, string(f.Status))
	}
	if f.OrderID != "" {
		q.Set(depotapi.QueryOrderID, f.OrderID)
	}
	path := "/api/shopping-lists"
	if len(q) > 0 {
		path += "?" + q.Encode()
	}
	return out, c.Do(ctx, depot, http.MethodGet, path, nil, &out)
}

// ShoppingList reads one shopping list.
func (c *Client) ShoppingList(ctx context.Context, id string) (out depotapi.ShoppingList, err error) {
	return out, c.Do(ctx, depot, http.MethodGet, shoppingListPath(id), nil, &out)
}

// AssignList assigns an available shopping list to a bot.
func (c *Client) AssignList(ctx context.Context, id string, in depotapi.AssignList) (out depotapi.ShoppingList, err error) {
	return out, c.Do(ctx, depot, http.MethodPost, shoppingListPath(id)+"/assign", in, &out)
}

// CompleteList completes a shopping list by the bot it is assigned to.
func (c *Client) CompleteList(ctx context.Context, id string, in depotapi.AssignList) (out depotapi.ShoppingList, err error) {
	return out, c.Do(ctx, depot, http.MethodPost, shoppingListPath(id)+"/complete", in, &out)
}

func shoppingListPath(id string) string { return "/api/shopping-lists/" + url.PathEscape(id) }
