package local

import (
	"bufio"
	"io"
	"sync"

	"github.com/mallbots/mallbots/system/platform/redact"
)

// lineLog keeps the last lines a process wrote, with their secrets masked
// (package redact): they end up in failures, reports and the log sink.
type lineLog struct {
	mu    sync.Mutex
	lines []string
	limit int
	sink  io.Writer
}

func newLineLog(limit int, sink io.Writer) *lineLog { return &lineLog{limit: limit, sink: sink} }

// follow copies r line by line into the log until r ends.
func (l *lineLog) follow(r io.Reader) {
	scanner := bufio.NewScanner(r)
	scanner.Buffer(make([]byte, 64*1024), 1024*1024)
	for scanner.Scan() {
		l.add(scanner.Text())
	}
}

func (l *lineLog) add(line string) {
	line = redact.Text(line)
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, line)
	if len(l.lines) > l.limit {
		l.lines = l.lines[len(l.lines)-l.limit:]
	}
	if l.sink != nil {
		_, _ = io.WriteString(l.sink, line+"\n")
	}
}

// Write lets the log serve as an io.Writer (for pgtemp's server log).
func (l *lineLog) Write(p []byte) (int, error) {
	for _, line := range splitLines(string(p)) {
		l.add(line)
	}
	return len(p), nil
}

// tail returns up to n last lines.
func (l *lineLog) tail(n int) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n <= 0 || n > len(l.lines) {
		n = len(l.lines)
	}
	return append([]string(nil), l.lines[len(l.lines)-n:]...)
}

func splitLines(s string) []string {
	var lines []string
	start := 0
	for i, c := range s {
		if c == '\n' {
			if i > start {
				lines = append(lines, s[start:i])
			}
			start = i + 1
		}
	}
	if start < len(s) {
		lines = append(lines, s[start:])
	}
	return lines
}
