package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/host"
)

func TestFlagsOverrideEnvironment(t *testing.T) {
	env := map[string]string{
		"MALLBOTS_NATS_URL": "nats://env:4222", "MALLBOTS_POSTGRES_DSN": "postgres://env",
		"MALLBOTS_PEERS": "stores=http://stores:8080/",
	}
	s, err := parse([]string{"--nats-url", "nats://flag:4222", "--contexts", "stores"},
		func(k string) string { return env[k] })
	require.NoError(t, err)
	assert.Equal(t, "nats://flag:4222", s.cfg.NatsURL, "a flag beats its variable")
	assert.Equal(t, "postgres://env", s.cfg.PostgresDSN, "a variable is the default")
	assert.Equal(t, host.Peers{"stores": "http://stores:8080"}, s.cfg.Peers)
	assert.Equal(t, "stores", s.contexts)
	assert.Equal(t, "127.0.0.1:8080", s.cfg.HTTPAddr, "loopback by default")
}

func TestBadConfigurationIsReportedClearly(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown context", []string{"--contexts", "nope"}, `unknown context "nope"`},
		{"bad peer", []string{"--peers", "stores"}, `peer "stores": want name=url`},
		{"bad log level", []string{"--log-level", "loud", "--postgres-dsn", "x"}, `log level "loud"`},
		{"no database", []string{"--http-addr", "127.0.0.1:0"}, "postgres dsn is required"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := run(t.Context(), c.args, func(string) string { return "" })
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}
