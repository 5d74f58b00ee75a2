package notifications_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/mallbots/mallbots/system/notifications"
	"github.com/mallbots/mallbots/system/platform/host"
)

func TestMountRefusesAnIncompleteConfiguration(t *testing.T) {
	t.Parallel()
	provider := host.Peers{"smsprovider": "http://127.0.0.1:1"}
	for name, tc := range map[string]struct {
		mod   notifications.Module
		peers host.Peers
		want  string
	}{
		"no provider":         {fastRetries, host.Peers{}, "smsprovider peer URL is required"},
		"retry bounds upside": {notifications.Module{RetryMin: time.Second, RetryMax: time.Millisecond}, provider, "exceeds retry max"},
		"negative timeout":    {notifications.Module{SendTimeout: -time.Second}, provider, "must not be negative"},
	} {
		// Mount checks its configuration before it touches the pool or the bus.
		err := tc.mod.Mount(context.Background(), &host.Mount{Peers: tc.peers})
		assert.ErrorContains(t, err, tc.want, name)
	}
}
