package host_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/stores"
)

// TestNewReportsStartFailuresAsErrors: a failure after the host began to
// open things (here, no NATS to dial) is an error, never a panic.
func TestNewReportsStartFailuresAsErrors(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	h, err := host.New(ctx, host.Config{NatsURL: "nats://127.0.0.1:1", PostgresDSN: "postgres://127.0.0.1:1/x",
		HTTPAddr: "127.0.0.1:0"}, stores.Module{})
	require.Error(t, err)
	assert.Nil(t, h)
}
