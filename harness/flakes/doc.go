// Package flakes is the flake report of a repeated run (`e2e run --repeat N`):
// for every scenario, how many of the N runs it passed and failed, and the
// evidence of its first failure, which is the failed step's message as the
// steps explain it (what was expected and seen, the scenario's message
// timeline, its HTTP exchanges and the last log lines of the services
// involved). It is written as reports/flakes.json, as a self-contained page
// (reports/flakes.html: inline CSS, no script) and as a console summary.
//
// Scenarios tagged @quarantine are counted apart: their failures are listed
// under "quarantined" and fail nothing. Nothing is retried: every run's
// outcome is counted as it was.
package flakes
