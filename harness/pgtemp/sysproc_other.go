//go:build unix && !linux

package pgtemp

import "syscall"

// sysProcAttr puts the child in its own process group, so that Ctrl-C in a
// terminal reaches this process and not postgres first. There is no
// parent-death signal outside Linux.
func sysProcAttr(u runUser) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{
		Setpgid:    true,
		Credential: u.credential(),
	}
}
