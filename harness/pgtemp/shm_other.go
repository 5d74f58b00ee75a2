//go:build !linux

package pgtemp

// releaseSharedMemory does nothing where there is no /proc/sysvipc to find
// the segment with.
func releaseSharedMemory(string) error { return nil }
