package steps

import (
	"context"
	"fmt"
	"net/http"

	"github.com/mallbots/mallbots/system/client"
)

var refusals = map[string]int{
	"invalid input": http.StatusBadRequest,
	"not found":     http.StatusNotFound,
	"a conflict":    http.StatusConflict,
}

func registerRefusals(r *registry, x *scenarioSteps) {
	r.add(`^it is refused as (invalid input|not found|a conflict)$`, `it is refused as a conflict`, x.refusedAs)
}

// refusedAs checks the last attempt failed with the status the words name.
func (x *scenarioSteps) refusedAs(_ context.Context, kind string) error {
	err, ok := x.s.LastAttempt()
	if !ok {
		return fmt.Errorf("nothing was attempted: use a step starting with \"I try to\" first")
	}
	if err == nil {
		return fmt.Errorf("expected a refusal as %s, but it was accepted", kind)
	}
	if got := client.StatusOf(err); got != refusals[kind] {
		return fmt.Errorf("expected a refusal as %s (%d), got: %w", kind, refusals[kind], err)
	}
	return nil
}
