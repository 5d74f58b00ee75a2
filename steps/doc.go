// Package steps holds the godog step definitions of the MallBots features:
// thin adapters that map a step's words onto the scenario state and typed
// clients of package harness/world. Steps are grouped by concern: generic
// HTTP, JSON and message steps for engineers, and business-language steps
// per context for the journeys product owners read. Every step is listed,
// with an example, in the catalogue (`go run ./cmd/e2e steps`).
//
// A step is a method of the per-scenario scenarioSteps that takes the
// step's context first and returns an error, registered with
// r.add(pattern, example, x.method). The registry hands godog a closure of
// the same signature whose failures carry the scenario's timeline, HTTP
// exchanges and service logs, and sets the definition's location to the
// r.add line, so godog's pretty and cucumber formats point at steps/, not
// at the registry (see locate).
package steps
