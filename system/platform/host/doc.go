// Package host runs a set of bounded contexts in one process: it connects
// to NATS and Postgres, gives each context its own schema with the platform
// tables and its migrations, mounts its routes and consumers, runs its
// outbox relay, serves /healthz, /readyz and, for a context with
// consumers, their positions (/api/positions/<context>, package position),
// and shuts all of it down in order when the context ends.
package host
