package pgtemp

import "syscall"

// sysProcAttr puts the child in its own process group, so that Ctrl-C in a
// terminal reaches this process and not postgres first, and makes the
// kernel kill it when its parent dies.
func sysProcAttr(u runUser) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{
		Setpgid:    true,
		Pdeathsig:  syscall.SIGKILL,
		Credential: u.credential(),
	}
}
