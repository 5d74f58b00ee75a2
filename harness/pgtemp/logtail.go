package pgtemp

import (
	"strings"
	"sync"
)

// logTailLines is how many server log lines are kept for error messages.
const logTailLines = 50

// logTail keeps the last logTailLines lines of the server log.
type logTail struct {
	mu    sync.Mutex
	lines []string
	next  int
}

func (t *logTail) add(line string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.lines) < logTailLines {
		t.lines = append(t.lines, line)
		return
	}
	t.lines[t.next] = line
	t.next = (t.next + 1) % logTailLines
}

// String returns the kept lines, oldest first.
func (t *logTail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	ordered := append(append([]string(nil), t.lines[t.next:]...), t.lines[:t.next]...)
	return strings.Join(ordered, "\n")
}

// contains reports whether a kept line contains any of the substrings.
func (t *logTail) contains(subs ...string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, line := range t.lines {
		for _, s := range subs {
			if strings.Contains(line, s) {
				return true
			}
		}
	}
	return false
}

// lastLines returns at most n trailing lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
