// Package tap is the harness's event tap: one NATS subscription for the
// whole run records every message on the system's subjects (time, subject,
// headers, correlation id, envelope, stream sequence), and steps await a condition over that
// record with a deadline, or assert that no matching message arrives within
// a window. Nothing is slept for: an await wakes on each new record.
package tap
