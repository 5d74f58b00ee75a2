// Package local is the harness's default runtime: NATS with JetStream
// embedded in the harness process, one ephemeral Postgres from the machine's
// binaries, and every service as a child process of the one mallbots binary
// (plus the SMS provider stand-in), on free loopback ports. Up returns once
// every service answers its health check; Close stops and removes all of it.
// Children die with the harness even when it is killed (parent-death signal);
// what a killed harness leaves (NATS and Postgres folders, Postgres' shared
// memory), the next Up sweeps.
package local
