// Package inbox makes consumers idempotent: a message's id is recorded in the
// inbox table inside the same transaction as the handler's writes, so a
// message delivered any number of times has exactly one effect. A Router
// maps the exact subjects a consumer subscribes to onto typed handlers.
package inbox
