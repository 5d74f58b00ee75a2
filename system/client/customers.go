package client

import (
	"context"
	"net/http"
	"net/url"

	"github.com/mallbots/mallbots/system/customers/customersapi"
)

const customers = customersapi.Context

// RegisterCustomer registers a customer.
func (c *Client) RegisterCustomer(ctx context.Context, in customersapi.RegisterCustomer) (out customersapi.Customer, err error) {
	return out, c.Do(ctx, customers, http.MethodPost, "/api/customers", in, &out)
}

// Customer reads one customer.
func (c *Client) Customer(ctx context.Context, id string) (out customersapi.Customer, err error) {
	return out, c.Do(ctx, customers, http.MethodGet, "/api/customers/"+url.PathEscape(id), nil, &out)
}

// ChangeSmsNumber sets a customer's SMS number.
func (c *Client) ChangeSmsNumber(ctx context.Context, id string, in customersapi.ChangeSmsNumber) (out customersapi.Customer, err error) {
	return out, c.Do(ctx, customers, http.MethodPost, "/api/customers/"+url.PathEscape(id)+"/change-sms-number", in, &out)
}

// EnableCustomer lets a customer order again.
func (c *Client) EnableCustomer(ctx context.Context, id string) (out customersapi.Customer, err error) {
	return out, c.Do(ctx, customers, http.MethodPost, "/api/customers/"+url.PathEscape(id)+"/enable", nil, &out)
}

// DisableCustomer stops a customer from ordering.
func (c *Client) DisableCustomer(ctx context.Context, id string) (out customersapi.Customer, err error) {
	return out, c.Do(ctx, customers, http.MethodPost, "/api/customers/"+url.PathEscape(id)+"/disable", nil, &out)
}
