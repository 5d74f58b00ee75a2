// Package domain is the notifications context's model. An SMS about an
// order lives in a micro event store: it is requested once per order and
// kind (its idempotency key), then each attempt to hand it to the provider
// is recorded as started and, when the answer is known, as failed, sent or
// rejected. Folding those events gives its state: pending or sent, how many
// attempts, the last error, and whether the outcome of the last attempt is
// unknown, in which case the provider must be asked before sending again.
// The package imports no infrastructure.
package domain
