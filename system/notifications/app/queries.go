package app

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/mallbots/mallbots/system/notifications/domain"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

// Notifications lists the SMS of a customer and/or an order, oldest request
// first, each folded from its events. At least one filter is required.
func (a *App) Notifications(ctx context.Context, customerID, orderID string) (notificationsapi.NotificationList, error) {
	var c apperr.Check
	c.Require(customerID != "" || orderID != "", "customerId", "give a customerId, an orderId or both")
	c.Require(customerID == "" || domain.ValidID(customerID), "customerId", "must be a short printable id")
	c.Require(orderID == "" || domain.ValidID(orderID), "orderId", "must be a short printable id")
	if err := c.Err(); err != nil {
		return notificationsapi.NotificationList{}, err
	}
	streams, err := a.store.Find(ctx, customerID, orderID)
	if err != nil {
		return notificationsapi.NotificationList{}, fmt.Errorf("list notifications: %w", err)
	}
	list := notificationsapi.NotificationList{Notifications: make([]notificationsapi.Notification, 0, len(streams))}
	for _, events := range streams {
		list.Notifications = append(list.Notifications, view(domain.Fold(events)))
	}
	sort.SliceStable(list.Notifications, func(i, j int) bool {
		return list.Notifications[i].RequestedAt.Before(list.Notifications[j].RequestedAt)
	})
	return list, nil
}

func view(s domain.SMS) notificationsapi.Notification {
	return notificationsapi.Notification{
		IdempotencyKey: s.Key, CustomerID: s.CustomerID, OrderID: s.OrderID, Kind: s.Kind,
		To: s.To, Body: s.Body, Status: s.Status(), Attempts: s.Attempts, LastError: s.LastError,
		RequestedAt: s.RequestedAt, SentAt: optional(s.SentAt), ProviderMessageID: s.ProviderMessageID,
		NextAttemptAt: optional(s.NextAttemptAt),
	}
}

func optional(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
