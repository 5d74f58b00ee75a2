// Package chaos runs the checkout journey at a steady rate while it injects
// one fault at a time (or several together), then counts, after recovery,
// what the system did: every accepted checkout must reach a terminal state
// (and none be rejected, since every fault heals well within the saga's
// deadline), no order, shopping list, invoice, payment or SMS may be
// duplicated, every outbox row must be published to the stream exactly
// once, and the dead-letter subjects must hold only the poison message the
// run put there. Counting reads everything the phase produced (the stream
// from the phase's first sequence, every context's outbox rows from the
// phase's first row, every SMS the provider received), not a sample.
//
// A run is a list of phases, one per fault, in one environment: each phase
// notes where the stream and the outboxes stand, publishes one poison
// message, drives checkouts (package load) for the window, injects the fault
// at its moment and heals it after its downtime, waits until the system is
// quiet (every journey ended, every durable consumer caught up, no outbox
// row unpublished, every order's SMS received), then audits.
//
// bin/e2e chaos prints the counts per fault and writes reports/chaos.json;
// the @chaos features run single phases from Gherkin.
package chaos
