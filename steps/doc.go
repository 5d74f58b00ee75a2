// Package steps holds the godog step definitions of the MallBots features:
// thin adapters that map a step's words onto the scenario state and typed
// clients of package harness/world. Steps are grouped by concern: generic
// HTTP, JSON and message steps for engineers, and business-language steps
// per context for the journeys product owners read. Every step is listed,
// with an example, in the catalogue (`go run ./cmd/e2e steps`).
package steps
