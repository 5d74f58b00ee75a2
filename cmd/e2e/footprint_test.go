package main_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/owner"
)

// footprint is what the runs of a test started and created, seen by
// watching each run's process tree while it runs: the processes, the
// Postgres folders (from the postmaster's -D) and the shared memory the
// postmaster mapped (System V segments, files under /dev/shm). Listing what a run
// made, rather than comparing the machine before and after, keeps the
// check exact while other tests run alongside.
type footprint struct {
	mu       sync.Mutex
	procs    map[int]seenProcess
	dirs     map[string]bool
	segments map[int64]int64 // System V segment id: key
	files    map[string]bool
	watchers sync.WaitGroup
}

type seenProcess struct {
	owner.Process
	cmdline string
}

func newFootprint() *footprint {
	return &footprint{procs: map[int]seenProcess{}, dirs: map[string]bool{},
		segments: map[int64]int64{}, files: map[string]bool{}}
}

// watch records the tree of process root until root has ended, looking
// every 200 ms: a run's Postgres lives for seconds, and a process of the run
// that was missed and outlived it is found by its run id (processesWith).
func (f *footprint) watch(root int) {
	f.watchers.Go(func() {
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for f.scan(root) {
			<-tick.C
		}
	})
}

// scan records the tree of process root as it is now and reports whether
// root is still running.
func (f *footprint) scan(root int) bool {
	tree, children, running := processTree(root)
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, pid := range tree {
		if _, known := f.procs[pid]; !known {
			if p, ok := owner.Of(pid); ok {
				f.procs[pid] = seenProcess{Process: p, cmdline: cmdline(pid)}
			}
		}
	}
	for _, pid := range children {
		if dir := dataDirOf(cmdline(pid)); dir != "" {
			f.dirs[filepath.Dir(dir)] = true
			f.recordMappings(pid)
		}
	}
	return running
}

// recordMappings notes the shared memory process pid has mapped.
func (f *footprint) recordMappings(pid int) {
	maps, err := os.Open("/proc/" + strconv.Itoa(pid) + "/maps")
	if err != nil {
		return
	}
	defer maps.Close()
	sc := bufio.NewScanner(maps)
	for sc.Scan() {
		// address perms offset dev inode path; a segment's inode is its id.
		c := strings.Fields(sc.Text())
		if len(c) < 6 {
			continue
		}
		switch path := c[5]; {
		case strings.HasPrefix(path, "/SYSV"):
			key, _ := strconv.ParseInt(path[len("/SYSV"):], 16, 64)
			id, _ := strconv.ParseInt(c[4], 10, 64)
			f.segments[id] = key
		case strings.HasPrefix(path, "/dev/shm/"):
			f.files[path] = true
		}
	}
}

// wait returns once every watched process tree has ended.
func (f *footprint) wait() { f.watchers.Wait() }

// assertGone checks that every process seen has ended (within a moment:
// Postgres backends notice their postmaster's death shortly after it) and
// that every folder, segment and file seen is gone.
func (f *footprint) assertGone(t *testing.T) {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	assert.Eventually(t, func() bool { return len(f.running()) == 0 }, 10*time.Second, 20*time.Millisecond,
		"processes of the run still alive: %v", f.running())
	for dir := range f.dirs {
		assert.NoDirExists(t, dir, "Postgres folder of the run left behind")
	}
	left := segments(t)
	for id, key := range f.segments {
		k, ok := left[id]
		assert.False(t, ok && int32(k) == int32(key), "shared memory segment %d (key %#x) of the run left behind", id, key)
	}
	for file := range f.files {
		assert.NoFileExists(t, file, "shared memory file of the run left behind")
	}
}

func (f *footprint) running() []string {
	var alive []string
	for _, p := range f.procs {
		if !p.Gone() {
			alive = append(alive, p.cmdline)
		}
	}
	return alive
}

// processTree lists root and its descendants, and its children apart, and
// reports whether root is running (not ended, not a zombie).
func processTree(root int) (tree, rootChildren []int, running bool) {
	children := map[int][]int{}
	for _, pid := range pids() {
		data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		i := strings.LastIndexByte(string(data), ')')
		if err != nil || i < 0 {
			continue
		}
		f := strings.Fields(string(data)[i+1:]) // state ppid ...
		if len(f) < 2 {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		children[ppid] = append(children[ppid], pid)
		if pid == root {
			running = f[0] != "Z"
		}
	}
	if !running {
		return nil, nil, false
	}
	tree = []int{root}
	for i := 0; i < len(tree); i++ {
		tree = append(tree, children[tree[i]]...)
	}
	return tree, children[root], true
}

// pids lists the processes of the machine.
func pids() []int {
	proc, err := os.Open("/proc")
	if err != nil {
		return nil
	}
	defer proc.Close()
	names, _ := proc.Readdirnames(-1)
	var ids []int
	for _, name := range names {
		if pid, err := strconv.Atoi(name); err == nil {
			ids = append(ids, pid)
		}
	}
	return ids
}

func cmdline(pid int) string {
	data, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	return strings.ReplaceAll(strings.TrimRight(string(data), "\x00"), "\x00", " ")
}

// dataDirOf is the data folder of a postmaster's command line ("" for
// anything else).
func dataDirOf(cmdline string) string {
	args := strings.Fields(cmdline)
	for i, arg := range args[:max(len(args)-1, 0)] {
		if arg == "-D" && strings.HasSuffix(args[0], "/postgres") {
			return args[i+1]
		}
	}
	return ""
}

// segments lists the System V shared memory segments: id to key.
func segments(t *testing.T) map[int64]int64 {
	t.Helper()
	data, err := os.ReadFile("/proc/sysvipc/shm")
	require.NoError(t, err)
	ids := map[int64]int64{}
	for _, line := range strings.Split(string(data), "\n")[1:] {
		if c := strings.Fields(line); len(c) > 1 {
			key, _ := strconv.ParseInt(c[0], 10, 64)
			id, _ := strconv.ParseInt(c[1], 10, 64)
			ids[id] = key
		}
	}
	return ids
}
