package owner

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// stat is what Gone needs of /proc/PID/stat.
type stat struct {
	state byte   // R, S, Z...: field 3
	start string // field 22, in clock ticks since boot
}

// readStat reads /proc/PID/stat; ok is false when the process does not
// exist. Where there is no /proc, it asks the kernel whether pid exists
// and knows neither state nor start.
func readStat(pid int) (stat, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		if _, statErr := os.Stat("/proc/self/stat"); statErr == nil {
			return stat{}, false // /proc works: the process is gone
		}
		return stat{}, !errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
	}
	// The command name (field 2) may hold spaces and parentheses; the
	// fields after its last ')' don't.
	s := string(data)
	if i := strings.LastIndexByte(s, ')'); i >= 0 {
		s = s[i+1:]
	}
	f := strings.Fields(s)
	if len(f) < 20 {
		return stat{}, true
	}
	return stat{state: f[0][0], start: f[19]}, true
}

// bootID is the kernel's boot id, new at every boot ("" where unknown).
func bootID() string {
	data, err := os.ReadFile("/proc/sys/kernel/random/boot_id")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(data))
}

// pidNamespace names this process's pid namespace ("" where unknown).
func pidNamespace() string {
	ns, err := os.Readlink("/proc/self/ns/pid")
	if err != nil {
		return ""
	}
	return ns
}
