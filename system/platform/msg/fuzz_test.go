package msg_test

import (
	"bytes"
	"encoding/json"
	"maps"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/msg"
)

// FuzzUnmarshal feeds arbitrary bytes to the envelope decoder every
// consumer reads the wire with: it never panics, refuses with ErrMalformed,
// and an envelope it accepts encodes and decodes to the same envelope, its
// encoding then a fixed point. The seeds (testdata/fuzz/FuzzUnmarshal: real
// envelopes of every kind and broken ones) run in every go test; make fuzz
// explores further.
func FuzzUnmarshal(f *testing.F) {
	f.Add([]byte(`{"id":"1","name":"N","subject":"s","correlationId":"c","payload":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		env, err := msg.Unmarshal(data)
		if err != nil {
			require.ErrorIs(t, err, msg.ErrMalformed)
			return
		}
		encoded, err := msg.Marshal(env)
		require.NoError(t, err, "an envelope read from the wire encodes again")
		again, err := msg.Unmarshal(encoded)
		require.NoError(t, err, "its encoding decodes: %s", encoded)
		assertSameEnvelope(t, env, again)
		reencoded, err := msg.Marshal(again)
		require.NoError(t, err)
		assert.Equal(t, string(encoded), string(reencoded), "the encoding is a fixed point")
	})
}

// assertSameEnvelope compares two envelopes as values: the same instant
// (whatever its zone's pointer), no headers the same as empty ones, and
// payloads that are the same JSON (encoding compacts and escapes them).
func assertSameEnvelope(t *testing.T, want, got msg.Envelope) {
	t.Helper()
	assert.True(t, want.OccurredAt.Equal(got.OccurredAt), "occurredAt %s, then %s", want.OccurredAt, got.OccurredAt)
	assert.True(t, maps.Equal(want.Headers, got.Headers), "headers %v, then %v", want.Headers, got.Headers)
	assert.Equal(t, jsonValue(t, want.Payload), jsonValue(t, got.Payload), "payload")
	want.OccurredAt, want.Headers, want.Payload = got.OccurredAt, got.Headers, got.Payload
	assert.Equal(t, want, got)
}

// jsonValue decodes a JSON document with its numbers as written.
func jsonValue(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v), "%s", data)
	return v
}
