package bus

import "sync/atomic"

// forcedDeliveries makes consumers handle every message more than once, as
// a chaos run asks (host's chaos control): each message is handled, then
// given back to the server unacknowledged until it was delivered this many
// times. The inbox must absorb the repeats; nothing else changes.
type forcedDeliveries struct {
	times       atomic.Int32
	redelivered atomic.Uint64
}

// ForceDeliveries makes every consumer of b handle each message n times
// (n <= 1: once, the normal behaviour). It is for chaos runs only.
func (b *Bus) ForceDeliveries(n int) { b.forced.times.Store(int32(max(n, 1))) }

// ForcedDeliveries is the count set by ForceDeliveries (1 when unset).
func (b *Bus) ForcedDeliveries() int { return max(int(b.forced.times.Load()), 1) }

// ForcedRedeliveries counts the messages given back for another delivery
// after they were handled, since the process started.
func (b *Bus) ForcedRedeliveries() uint64 { return b.forced.redelivered.Load() }

// again reports whether a message handled at its nth delivery must be
// delivered once more, and counts it when so.
func (f *forcedDeliveries) again(n uint64) bool {
	if n >= uint64(max(f.times.Load(), 1)) {
		return false
	}
	f.redelivered.Add(1)
	return true
}
