package host_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/stores"
)

// TestChaosControlAnswersOnlyWhenOn: a host started with chaos on obeys a
// deliveries request and reports it; a host without it does not listen, so
// that a production process can never be told to misbehave.
func TestChaosControlAnswersOnlyWhenOn(t *testing.T) {
	n := systest.NATS(t)
	nc, err := nats.Connect(n.URL())
	require.NoError(t, err)
	t.Cleanup(nc.Close)

	startHost(t, n.URL(), false)
	_, err = nc.Request(host.ChaosSubject, []byte(`{"deliveries":3}`), 500*time.Millisecond)
	require.True(t, errors.Is(err, nats.ErrNoResponders), "a host without --chaos does not answer: %v", err)

	startHost(t, n.URL(), true)
	reply := askChaos(t, nc, `{"deliveries":3}`)
	assert.Equal(t, host.ChaosReply{Contexts: []string{"stores"}, Deliveries: 3}, reply)
	reply = askChaos(t, nc, `{"deliveries":0}`)
	assert.Contains(t, reply.Error, "want {\"deliveries\": 1..10}")
	assert.Equal(t, 3, reply.Deliveries, "a refused request changes nothing")
	assert.Equal(t, 1, askChaos(t, nc, `{"deliveries":1}`).Deliveries)
}

func startHost(t *testing.T, natsURL string, chaos bool) {
	ctx, cancel := context.WithCancel(context.Background())
	h, err := host.New(ctx, host.Config{NatsURL: natsURL, PostgresDSN: systest.Database(t), HTTPAddr: "127.0.0.1:0",
		Logger: systest.Logger(), Chaos: chaos}, stores.Module{})
	require.NoError(t, err)
	done := make(chan error, 1)
	go func() { done <- h.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		require.NoError(t, <-done)
	})
	require.Eventually(t, func() bool {
		res, err := http.Get(h.URL() + "/readyz")
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == http.StatusOK
	}, 10*time.Second, 10*time.Millisecond, "the host gets ready")
}

func askChaos(t *testing.T, nc *nats.Conn, body string) host.ChaosReply {
	m, err := nc.Request(host.ChaosSubject, []byte(body), 5*time.Second)
	require.NoError(t, err)
	var r host.ChaosReply
	require.NoError(t, json.Unmarshal(m.Data, &r))
	return r
}
