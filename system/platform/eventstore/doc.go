// Package eventstore persists event-sourced aggregates in Postgres: events
// are appended with optimistic concurrency (a stale version yields
// es.ErrStaleVersion), each new event also goes to the outbox in the same
// transaction, and a snapshot is taken every N events so that loading reads
// the snapshot plus the events after it.
package eventstore
