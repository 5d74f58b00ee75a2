package pgtemp

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// ipcRMID is shmctl's command to remove a segment (<sys/ipc.h>).
const ipcRMID = 0

// segment is a System V shared memory segment, as /proc/sysvipc/shm and
// postmaster.pid describe it.
type segment struct {
	key, id, creator, attached int64
}

// releaseSharedMemory removes the System V segment that the postgres of the
// folder dir created, as its postmaster.pid records it (line 1: the pid,
// line 7: key and id). Postgres removes it when it shuts down, not when it
// is killed. With dynamic_shared_memory_type=mmap (see serverArgs) this is
// all it holds outside its folder. A segment that another segment took the
// id of is left alone; one that a process still uses is an error.
func releaseSharedMemory(dir string) error {
	want, err := recordedSegment(filepath.Join(dir, "data", "postmaster.pid"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil // no server ran there, or it shut down (removing the file)
	}
	if err != nil || want == nil {
		return err
	}
	got, err := findSegment(want.id)
	if err != nil || got == nil || int32(got.key) != int32(want.key) || got.creator != want.creator {
		return err
	}
	if got.attached > 0 {
		return fmt.Errorf("shared memory segment %d is still used by %d processes", got.id, got.attached)
	}
	if _, _, errno := syscall.Syscall(syscall.SYS_SHMCTL, uintptr(got.id), ipcRMID, 0); errno != 0 && errno != syscall.EINVAL {
		return fmt.Errorf("remove shared memory segment %d: %w", got.id, errno)
	}
	return nil
}

// recordedSegment reads the segment a postmaster.pid names (nil when it
// names none yet).
func recordedSegment(path string) (*segment, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(data), "\n")
	if len(lines) < 7 {
		return nil, nil
	}
	pid, err1 := strconv.ParseInt(strings.TrimSpace(lines[0]), 10, 64)
	f := strings.Fields(lines[6])
	if err1 != nil || len(f) != 2 {
		return nil, nil
	}
	key, err1 := strconv.ParseUint(f[0], 10, 64)
	id, err2 := strconv.ParseInt(f[1], 10, 64)
	if err1 != nil || err2 != nil {
		return nil, nil
	}
	return &segment{key: int64(key), id: id, creator: pid}, nil
}

// findSegment looks segment id up in /proc/sysvipc/shm (nil: none).
func findSegment(id int64) (*segment, error) {
	f, err := os.Open("/proc/sysvipc/shm")
	if err != nil {
		return nil, fmt.Errorf("list shared memory: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// key shmid perms size cpid lpid nattch ...
		c := strings.Fields(sc.Text())
		if len(c) < 7 || c[1] != strconv.FormatInt(id, 10) {
			continue
		}
		key, err1 := strconv.ParseInt(c[0], 10, 64)
		creator, err2 := strconv.ParseInt(c[4], 10, 64)
		attached, err3 := strconv.ParseInt(c[6], 10, 64)
		if err := errors.Join(err1, err2, err3); err != nil {
			return nil, fmt.Errorf("list shared memory: %q: %w", sc.Text(), err)
		}
		return &segment{key: key, id: id, creator: creator, attached: attached}, nil
	}
	return nil, sc.Err()
}
