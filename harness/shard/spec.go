package shard

import (
	"fmt"
	"strconv"
	"strings"
)

// Spec is shard Index of Count, counted from 1; the zero Spec is no
// sharding (the whole selection).
type Spec struct {
	Index, Count int
}

// Parse reads a shard as "i/n" (1 <= i <= n); "" is the zero Spec.
func Parse(s string) (Spec, error) {
	if s == "" {
		return Spec{}, nil
	}
	i, n, ok := strings.Cut(s, "/")
	index, err1 := strconv.Atoi(strings.TrimSpace(i))
	count, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || count < 1 || index < 1 || index > count {
		return Spec{}, fmt.Errorf("shard %q: want i/n with 1 <= i <= n, e.g. 1/3", s)
	}
	return Spec{Index: index, Count: count}, nil
}

// IsZero reports whether s is no sharding.
func (s Spec) IsZero() bool { return s.Count == 0 }

func (s Spec) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }
