// Package es is the event-sourcing kernel the domain packages build on:
// aggregates apply events to change state and record them as pending changes.
// It imports no infrastructure; package eventstore persists aggregates.
package es

import "errors"

// Sentinel outcomes callers act on.
var (
	// ErrNotFound: the aggregate has no events.
	ErrNotFound = errors.New("aggregate not found")
	// ErrStaleVersion: another writer appended since the aggregate was loaded.
	ErrStaleVersion = errors.New("stale aggregate version")
)
