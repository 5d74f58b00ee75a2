package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mallbots/mallbots/harness/runtime"
)

// TestUpPrintsEndpointsWithoutPasswords: a remote environment's endpoints
// may carry credentials; up shows where things are, not how to log in.
func TestUpPrintsEndpointsWithoutPasswords(t *testing.T) {
	var out strings.Builder
	printEndpoints(&out, runtime.Endpoints{NATS: "nats://app:s3cret@nats.example:4222",
		SMSProvider: "http://127.0.0.1:8090",
		Contexts:    map[string]string{"stores": "https://ada:s3cret@mall.example", "baskets": "https://mall.example"}})
	assert.Equal(t, "  NATS          nats://app:REDACTED@nats.example:4222\n"+
		"  SMS provider  http://127.0.0.1:8090\n"+
		"  baskets       https://mall.example\n"+
		"  stores        https://ada:REDACTED@mall.example\n", out.String())
}
