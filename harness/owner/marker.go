package owner

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// MarkerName is the file, in a marked folder, that names its owner.
const MarkerName = "mallbots.owner"

// Mark records this process as the owner of the folder dir.
func Mark(dir string) error { return Self().Mark(dir) }

// Mark records p as the owner of the folder dir. The marker appears whole
// or not at all (written aside, then renamed), so that a sweep never reads
// half of one.
func (p Process) Mark(dir string) error {
	f, err := os.CreateTemp(dir, "."+MarkerName+"-*")
	if err != nil {
		return fmt.Errorf("mark owner: %w", err)
	}
	_, err = f.WriteString(p.encode())
	err = errors.Join(err, f.Close())
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(dir, MarkerName))
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return fmt.Errorf("mark owner: %w", err)
	}
	return nil
}

// ReadMarker returns the owner recorded in the folder dir.
func ReadMarker(dir string) (Process, error) {
	data, err := os.ReadFile(filepath.Join(dir, MarkerName))
	if err != nil {
		return Process{}, err
	}
	return decode(string(data))
}

func (p Process) encode() string {
	return fmt.Sprintf("host=%s\nboot=%s\npidns=%s\npid=%d\nstart=%s\n", p.Host, p.Boot, p.PIDNS, p.PID, p.Start)
}

func decode(s string) (Process, error) {
	var p Process
	for line := range strings.Lines(s) {
		key, value, _ := strings.Cut(strings.TrimSpace(line), "=")
		switch key {
		case "host":
			p.Host = value
		case "boot":
			p.Boot = value
		case "pidns":
			p.PIDNS = value
		case "pid":
			p.PID, _ = strconv.Atoi(value)
		case "start":
			p.Start = value
		}
	}
	if p.Host == "" || p.PID <= 0 {
		return Process{}, fmt.Errorf("owner marker %q: no host or pid", s)
	}
	return p, nil
}
