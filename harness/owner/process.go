package owner

import (
	"os"
	"sync"
)

// Process identifies a process across pid reuse and reboots.
type Process struct {
	Host  string // host name
	Boot  string // the kernel's boot id ("" when unknown)
	PIDNS string // pid namespace ("" when unknown)
	PID   int
	Start string // start time in clock ticks since boot ("" when unknown)
}

// self is this process, read once.
var self = sync.OnceValue(func() Process {
	p, _ := Of(os.Getpid())
	return p
})

// Self is the current process.
func Self() Process { return self() }

// Of describes the running process pid, as seen from this host, boot and
// pid namespace; ok is false when there is no such process.
func Of(pid int) (p Process, ok bool) {
	host, _ := os.Hostname()
	st, ok := readStat(pid)
	if !ok {
		return Process{}, false
	}
	return Process{Host: host, Boot: bootID(), PIDNS: pidNamespace(), PID: pid, Start: st.start}, true
}

// Gone reports whether the process p describes has provably ended. An
// empty Boot, PIDNS or Start in p (an older record) is not compared.
func (p Process) Gone() bool {
	me := Self()
	switch {
	case p.Host != me.Host || p.PID <= 0:
		return false // another machine, or no pid: nothing to check
	case p.Boot != "" && p.Boot != me.Boot:
		return true // the machine restarted since
	case p.PIDNS != "" && p.PIDNS != me.PIDNS:
		return false // its pid means another process here
	}
	st, ok := readStat(p.PID)
	if !ok || st.state == 'Z' || st.state == 'X' {
		return true // no such process, or only its exit status is left
	}
	return p.Start != "" && st.start != "" && st.start != p.Start // reused pid
}
