package msg

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sync"
)

// ErrUnknownName reports a message name with no registered payload type.
var ErrUnknownName = errors.New("unknown message name")

// Registry maps message names to payload types so consumers decode payloads
// into the right struct. Names are unique across the whole system.
type Registry struct {
	mu    sync.RWMutex
	types map[string]reflect.Type
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{types: map[string]reflect.Type{}} }

// Register adds the payload type T under name. Registering the same name with
// the same type twice is harmless; with another type it panics (a wiring bug).
func Register[T any](r *Registry, name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	typ := reflect.TypeFor[T]()
	if prev, ok := r.types[name]; ok && prev != typ {
		panic(fmt.Sprintf("msg: %s registered as %s and %s", name, prev, typ))
	}
	r.types[name] = typ
}

// Names returns every registered name.
func (r *Registry) Names() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	names := make([]string, 0, len(r.types))
	for name := range r.types {
		names = append(names, name)
	}
	return sorted(names)
}

// Decode returns a pointer to a new payload of the registered type for name.
func (r *Registry) Decode(name string, payload []byte) (any, error) {
	r.mu.RLock()
	typ, ok := r.types[name]
	r.mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrUnknownName, name)
	}
	ptr := reflect.New(typ)
	if err := json.Unmarshal(payload, ptr.Interface()); err != nil {
		return nil, fmt.Errorf("%w: decode %s payload: %v", ErrMalformed, name, err)
	}
	return ptr.Interface(), nil
}
