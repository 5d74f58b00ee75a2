// Package owner tells whether the process that owns a run's resources is
// gone, so that a later run can remove what a killed run (SIGKILL, a
// `go test -timeout`) left behind, and nothing of a run still alive.
//
// A process is identified by its host, the kernel's boot id, its pid
// namespace, its pid and its start time: a pid alone may have been reused
// since. Gone answers true only when that is provable: on the same host,
// after a reboot, or in the same boot and pid namespace when no process has
// that pid and start time. Any doubt (another host, another pid namespace,
// a record it cannot read) keeps the resources.
//
// Temporary folders carry their owner in a marker file (Mark); SweepDirs
// removes the folders whose owner is gone. Containers carry it in labels.
package owner
