package main

import (
	"context"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

func TestFlagBeatsEnvironmentBeatsDefault(t *testing.T) {
	none := func(string) string { return "" }
	env := func(k string) string { return map[string]string{"SMSPROVIDER_HTTP_ADDR": ":9000"}[k] }

	s, err := parse(nil, none)
	require.NoError(t, err)
	assert.Equal(t, "127.0.0.1:8090", s.httpAddr, "loopback by default")
	s, err = parse(nil, env)
	require.NoError(t, err)
	assert.Equal(t, ":9000", s.httpAddr)
	s, err = parse([]string{"--http-addr", "127.0.0.1:9100"}, env)
	require.NoError(t, err)
	assert.Equal(t, "127.0.0.1:9100", s.httpAddr)

	_, err = parse([]string{"--nats-url", "x"}, none)
	assert.Error(t, err)
	_, err = parse([]string{"extra"}, none)
	assert.Error(t, err)
}

func TestServeStopsGracefullyWhenTheContextEnds(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, smsprovider.New().Handler()) }()

	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	require.NoError(t, err)
	_ = resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(shutdownGrace + time.Second):
		t.Fatal("serve did not stop")
	}
}

func TestRunRefusesABadAddress(t *testing.T) {
	err := run(context.Background(), []string{"--http-addr", "not-an-address"}, func(string) string { return "" }, nil)
	assert.ErrorContains(t, err, "listen")
}
