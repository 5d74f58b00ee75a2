// Package domain holds the ordering context's aggregate: an Order made from
// a checked-out basket, and the rules of its lifecycle (pending -> approved
// -> ready -> completed, or rejected by the saga, or cancelled by the
// customer). Every change is an event carrying the order's full state. It
// imports no infrastructure.
package domain
