// Package report renders the living documentation of a run: one
// self-contained HTML page (reports/living-doc.html) for product owners,
// made from the cucumber JSON godog writes and the interactions sidecar the
// run writes next to it (reports/interactions.json). The page shows the
// features as written, each step's outcome and duration, a failed step's
// message, and for each scenario a sequence diagram, drawn as inline SVG, of
// the HTTP calls its actors made and of the messages between contexts that
// followed. It needs nothing else to open: inline CSS, no script, no
// external resource.
package report
