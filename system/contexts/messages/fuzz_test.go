package messages_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/contexts/messages"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// FuzzPayloads decodes arbitrary bytes as the payload of every registered
// message, as a consumer's inbox route does: decoding never panics, a
// refusal is ErrMalformed, and a payload it accepts encodes and decodes to
// the same value (compared as Go values where they hold no time or raw
// JSON; always as the same encoding, a fixed point). The seeds
// (testdata/fuzz/FuzzPayloads: the payload of every message of a real run,
// and broken ones) run in every go test; make fuzz explores further.
func FuzzPayloads(f *testing.F) {
	r := messages.Registry()
	names := r.Names()
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, payload []byte) {
		for _, name := range names {
			v, err := r.Decode(name, payload)
			if err != nil {
				require.ErrorIs(t, err, msg.ErrMalformed, name)
				continue
			}
			encoded, err := json.Marshal(v)
			require.NoError(t, err, "%s decoded from %q encodes again", name, payload)
			again, err := r.Decode(name, encoded)
			require.NoError(t, err, "%s: its encoding decodes: %s", name, encoded)
			if roundTrips(reflect.TypeOf(v)) {
				assert.Equal(t, v, again, "%s: %q decodes, encodes and decodes to the same", name, payload)
			}
			reencoded, err := json.Marshal(again)
			require.NoError(t, err)
			assert.Equal(t, string(encoded), string(reencoded), "%s: the encoding is a fixed point", name)
		}
	})
}

// roundTrips reports whether values of t compare with reflect.DeepEqual
// after a JSON round trip: not when they hold a time (its zone is a new
// pointer at each decoding) or raw JSON (encoding compacts it).
func roundTrips(t reflect.Type) bool {
	switch {
	case t == reflect.TypeFor[time.Time](), t == reflect.TypeFor[json.RawMessage]():
		return false
	case t.Kind() == reflect.Pointer, t.Kind() == reflect.Slice, t.Kind() == reflect.Array:
		return roundTrips(t.Elem())
	case t.Kind() == reflect.Map:
		return roundTrips(t.Key()) && roundTrips(t.Elem())
	case t.Kind() == reflect.Struct:
		for i := range t.NumField() {
			if !roundTrips(t.Field(i).Type) {
				return false
			}
		}
	}
	return true
}
