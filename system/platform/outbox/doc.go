// Package outbox is the transactional outbox: messages are written in the
// same transaction as the state change that caused them, and a relay
// publishes them to JetStream afterwards. A row is marked published only
// after JetStream acknowledged it, rows of one ordering key (an aggregate)
// are published in the order they were written, and the relay wakes on
// commit through LISTEN/NOTIFY, with a slow poll as a fallback.
package outbox
