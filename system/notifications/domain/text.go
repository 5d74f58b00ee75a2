package domain

import (
	"fmt"
	"strings"

	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
)

// Body writes the SMS of kind about an order, in the customer's terms.
func Body(kind, name, orderID string) (string, error) {
	greeting, order := "Hi "+strings.TrimSpace(name), ShortOrderID(orderID)
	if strings.TrimSpace(name) == "" {
		greeting = "Hi there"
	}
	switch kind {
	case notificationsapi.KindOrderCreated:
		return fmt.Sprintf("%s, we have received your order %s. We will text you when it is ready for pickup.", greeting, order), nil
	case notificationsapi.KindOrderReady:
		return fmt.Sprintf("%s, your order %s is ready for pickup.", greeting, order), nil
	case notificationsapi.KindOrderCanceled:
		return fmt.Sprintf("%s, your order %s has been cancelled.", greeting, order), nil
	case notificationsapi.KindOrderCompleted:
		return fmt.Sprintf("%s, your order %s is complete. Thank you for shopping at MallBots!", greeting, order), nil
	}
	return "", fmt.Errorf("%w: no SMS for kind %q", ErrInvalid, kind)
}

// ShortOrderID is the part of an order id a customer reads: its last eight
// letters and digits. Order ids are UUIDv7, whose leading characters are a
// timestamp shared by every order of the same minute; the tail is random.
func ShortOrderID(id string) string {
	var b []rune
	for _, r := range id {
		if r < 128 && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			b = append(b, r)
		}
	}
	if len(b) > 8 {
		b = b[len(b)-8:]
	}
	return string(b)
}
