package app

import (
	"strings"

	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/command"
)

// rejected turns a business error (invalid command, unknown id, forbidden
// state) into a command rejection, which becomes a failure reply. Any other
// error is infrastructure: it is returned as is and the bus retries.
func rejected(err error) error {
	e, ok := apperr.As(err)
	if !ok {
		return err
	}
	return command.Reject("%s", reason(e))
}

// reason is the message of e, naming each invalid field.
func reason(e *apperr.Error) string {
	if len(e.Fields) == 0 {
		return e.Msg
	}
	parts := make([]string, 0, len(e.Fields))
	for _, f := range e.Fields {
		parts = append(parts, f.Field+" "+f.Reason)
	}
	return e.Msg + ": " + strings.Join(parts, "; ")
}
