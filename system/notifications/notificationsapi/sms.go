package notificationsapi

// SMSProviderPeer is the peer name under which the SMS provider's base URL
// is configured (--peers smsprovider=http://...).
const SMSProviderPeer = "smsprovider"

// IdempotencyKey is the key of the one SMS of kind about orderID: a
// redelivered or republished order event maps onto the same key, and the
// SMS provider sees it in the Idempotency-Key header.
func IdempotencyKey(orderID, kind string) string { return "sms:" + kind + ":" + orderID }
