// Package platformtest is the behaviour suite every implementation of the
// platform's event store, outbox and inbox must pass (see Run). Each test
// works in its own schema and subjects so that tests run in parallel.
package platformtest
