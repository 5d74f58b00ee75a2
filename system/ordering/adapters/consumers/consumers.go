// Package consumers maps the events the ordering context consumes (baskets'
// checkouts, depot's completed shopping lists, payments' paid invoices) onto
// its use cases. Each handler runs inside the inbox transaction, so a
// message delivered twice has one effect.
package consumers

import (
	"fmt"
	"strings"

	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// permanent dead-letters an event no retry can make usable: invalid content
// or an order ordering does not know. Infrastructure errors stay retryable.
func permanent(env msg.Envelope, err error) error {
	if e, ok := apperr.As(err); ok && (e.Kind == apperr.KindInvalid || e.Kind == apperr.KindNotFound) {
		return bus.Permanent(fmt.Errorf("%s %s: %w%s", env.Name, env.ID, err, fields(e)))
	}
	return err
}

// fields spells out which fields were invalid, for the dead letter's reader.
func fields(e *apperr.Error) string {
	var b strings.Builder
	for i, f := range e.Fields {
		sep := "; "
		if i == 0 {
			sep = ": "
		}
		b.WriteString(sep + f.Field + " " + f.Reason)
	}
	return b.String()
}
