package app

import (
	"errors"
	"strings"

	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/es"
)

func isNotFound(err error) bool { return errors.Is(err, es.ErrNotFound) }

// rejection turns a business error (unknown order, invalid input, a state
// the lifecycle forbids) into a command rejection, which becomes a failure
// reply. Any other error is infrastructure and stays as it is, so the bus
// retries the command instead of the saga compensating for an outage.
func rejection(err error) error {
	e, ok := apperr.As(err)
	if !ok {
		return err
	}
	reason := e.Msg
	if len(e.Fields) > 0 {
		parts := make([]string, 0, len(e.Fields))
		for _, f := range e.Fields {
			parts = append(parts, f.Field+" "+f.Reason)
		}
		reason = strings.Join(parts, "; ")
	}
	return command.Reject("%s", reason)
}
