// Package app is the search context's use cases: projections of ordering's,
// customers' and stores' events into the read model, each run inside the
// inbox transaction of its message, and the order search.
package app
