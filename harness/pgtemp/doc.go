// Package pgtemp starts throw-away PostgreSQL servers from the PostgreSQL
// binaries installed on the machine, for tests and for the local e2e runtime.
//
// The first Start runs initdb once into a cached template cluster; every
// Start then copies that template into a fresh temporary folder and runs the
// postgres binary directly as a child process listening on 127.0.0.1 with a
// free port and a unix socket inside the folder. Durability against a
// machine crash is switched off (fsync, full_page_writes) because nothing
// outlives the server; synchronous_commit stays on, so that a crash of the
// server process (an immediate shutdown, SIGKILL: the chaos faults) loses no
// committed transaction. Stop shuts the server down and removes the folder.
//
// Each server folder names its owner process (package owner). A process
// killed before Stop (SIGKILL) takes its postgres with it (parent-death
// signal) but leaves the folder and postgres' System V shared memory
// segment; Sweep, which Start runs first, removes those of owners that are
// gone. Dynamic shared memory lives in the folder (mmap), not in /dev/shm.
//
// PostgreSQL refuses to run as root, so when the current process is root the
// server (and initdb) run as the user "nobody".
//
// The package works on Linux (and, without the parent-death signal, on other
// Unix systems).
package pgtemp
