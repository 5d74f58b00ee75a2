package shard

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// object is a JSON object whose members keep their order and their values
// as written, so that a report passed through keeps every field godog
// wrote, in godog's order, known to this package or not.
type object []member

type member struct {
	key   string
	value json.RawMessage
}

func (o *object) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return fmt.Errorf("want a JSON object, got %.20s", data)
	}
	*o = (*o)[:0]
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return err
		}
		*o = append(*o, member{key: tok.(string), value: value})
	}
	_, err := dec.Token()
	return err
}

func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		key, err := json.Marshal(m.key)
		if err != nil {
			return nil, err
		}
		b.Write(key)
		b.WriteByte(':')
		b.Write(m.value)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// get decodes member key into v; a missing member leaves v as it is.
func (o object) get(key string, v any) error {
	for _, m := range o {
		if m.key == key {
			if err := json.Unmarshal(m.value, v); err != nil {
				return fmt.Errorf("member %q: %w", key, err)
			}
		}
	}
	return nil
}

// set replaces member key's value with v's encoding, or appends it.
func (o *object) set(key string, v any) error {
	value, err := json.Marshal(v)
	if err != nil {
		return err
	}
	for i := range *o {
		if (*o)[i].key == key {
			(*o)[i].value = value
			return nil
		}
	}
	*o = append(*o, member{key: key, value: value})
	return nil
}
