package client

import (
	"context"
	"net/http"
	"net/url"

	"github.com/mallbots/mallbots/system/payments/paymentsapi"
)

const payments = paymentsapi.Context

// AuthorizePayment authorizes an amount for a customer.
func (c *Client) AuthorizePayment(ctx context.Context, in paymentsapi.AuthorizePayment) (out paymentsapi.Payment, err error) {
	return out, c.Do(ctx, payments, http.MethodPost, "/api/payments", in, &out)
}

// Payment reads one payment.
func (c *Client) Payment(ctx context.Context, id string) (out paymentsapi.Payment, err error) {
	return out, c.Do(ctx, payments, http.MethodGet, "/api/payments/"+url.PathEscape(id), nil, &out)
}

// Invoice reads one invoice.
func (c *Client) Invoice(ctx context.Context, id string) (out paymentsapi.Invoice, err error) {
	return out, c.Do(ctx, payments, http.MethodGet, invoicePath(id), nil, &out)
}

// InvoicesByOrder lists an order's invoices (none or one).
func (c *Client) InvoicesByOrder(ctx context.Context, orderID string) (out paymentsapi.InvoiceList, err error) {
	q := url.Values{"orderId": {orderID}}
	return out, c.Do(ctx, payments, http.MethodGet, "/api/invoices?"+q.Encode(), nil, &out)
}

// PayInvoice pays an open invoice.
func (c *Client) PayInvoice(ctx context.Context, id string) (out paymentsapi.Invoice, err error) {
	return out, c.Do(ctx, payments, http.MethodPost, invoicePath(id)+"/pay", nil, &out)
}

func invoicePath(id string) string { return "/api/invoices/" + url.PathEscape(id) }
