package load

import (
	"context"
	"errors"
	"net/http"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mallbots/mallbots/system/client"
)

// TestAnActorTriesAgainOnlyWhileTheServiceIsUnavailable: a connection
// reset and a 503 are tried again, with lost set from the second try on;
// a 409 ends the tries with its error.
func TestAnActorTriesAgainOnlyWhileTheServiceIsUnavailable(t *testing.T) {
	conflict := &client.Error{Status: http.StatusConflict}
	answers := []error{syscall.ECONNRESET, &client.Error{Status: http.StatusServiceUnavailable}, conflict, nil}
	var losts []bool
	err := persist(context.Background(), func(_ context.Context, lost bool) error {
		losts = append(losts, lost)
		answer := answers[0]
		answers = answers[1:]
		return answer
	})
	assert.Same(t, conflict, err)
	assert.Equal(t, []bool{false, true, true}, losts)
}

// TestAnActorStopsTryingWhenItsRunEnds: a service that stays down is not
// tried again after the context ends.
func TestAnActorStopsTryingWhenItsRunEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	tries := 0
	err := persist(ctx, func(context.Context, bool) error {
		tries++
		cancel()
		return syscall.ECONNREFUSED
	})
	assert.True(t, errors.Is(err, syscall.ECONNREFUSED))
	assert.Equal(t, 1, tries)
}
