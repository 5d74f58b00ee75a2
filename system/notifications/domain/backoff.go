package domain

import "time"

// Backoff is the wait before the next attempt after failures failed ones:
// first, doubling with each failure, capped at max.
func Backoff(failures int, first, max time.Duration) time.Duration {
	d := first
	for i := 1; i < failures && d < max; i++ {
		d *= 2
	}
	return min(d, max)
}
