// Package consumers maps the events the search context consumes (ordering's,
// customers' and stores') onto its projections. Each handler runs inside the
// inbox transaction, so an event delivered twice has one effect, and every
// projection is version-gated, so an event delivered late has none.
package consumers
