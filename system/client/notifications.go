package client

import (
	"context"
	"net/http"
	"net/url"

	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
)

const notifications = notificationsapi.Context

// Notifications lists the SMS sent or pending for a customer, an order, or
// both; an empty id is no filter, but at least one is required.
func (c *Client) Notifications(ctx context.Context, customerID, orderID string) (out notificationsapi.NotificationList, err error) {
	q := url.Values{}
	if customerID != "" {
		q.Set("customerId", customerID)
	}
	if orderID != "" {
		q.Set("orderId", orderID)
	}
	return out, c.Do(ctx, notifications, http.MethodGet, "/api/notifications?"+q.Encode(), nil, &out)
}
