// Package pg connects a bounded context to its own Postgres schema, applies
// its embedded migrations at start, and runs work in transactions.
package pg
