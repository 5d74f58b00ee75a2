package domain

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
)

// MaxIDLength bounds the ids other contexts send.
const MaxIDLength = 128

// orderID is what an order id may look like to become part of an
// idempotency key the provider accepts (visible ASCII).
var orderID = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,128}$`)

// ErrInvalid reports an event no retry can make usable.
var ErrInvalid = errors.New("invalid input")

// Customer is what notifications knows of a customer.
type Customer struct {
	ID        string
	Name      string
	SmsNumber string
	Enabled   bool
}

// CheckCustomer refuses a customer state that cannot be stored or used.
func CheckCustomer(c Customer) error {
	switch {
	case !ValidID(c.ID):
		return fmt.Errorf("%w: customer id %q", ErrInvalid, c.ID)
	case !Printable(c.Name) || !Printable(c.SmsNumber):
		return fmt.Errorf("%w: customer %s has control characters in its name or number", ErrInvalid, c.ID)
	}
	return nil
}

// Request returns the first event of the SMS of kind about order, written
// for customer c: the idempotency key comes from the order and the kind.
func Request(c Customer, order, kind string, at time.Time) (Event, error) {
	if !orderID.MatchString(order) {
		return Event{}, fmt.Errorf("%w: order id %q", ErrInvalid, order)
	}
	body, err := Body(kind, c.Name, order)
	if err != nil {
		return Event{}, err
	}
	return Event{
		Key: notificationsapi.IdempotencyKey(order, kind), Version: 1, Type: Requested, At: at,
		Message: Message{CustomerID: c.ID, OrderID: order, Kind: kind, To: c.SmsNumber, Body: body},
	}, nil
}

// Printable reports whether s is valid UTF-8 without control characters;
// Postgres text cannot hold NUL, so such input is refused before SQL.
func Printable(s string) bool {
	return utf8.ValidString(s) && strings.IndexFunc(s, unicode.IsControl) < 0
}

// ValidID reports whether id could be an id: non-empty, short, printable.
func ValidID(id string) bool { return id != "" && len(id) <= MaxIDLength && Printable(id) }
