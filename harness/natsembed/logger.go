package natsembed

import (
	"fmt"
	"sync"

	"github.com/nats-io/nats-server/v2/server"
)

// fatalLogger is the server's logger. It remembers fatal messages (such as
// a port that cannot be bound), which the server reports through Fatalf
// and otherwise only a process-ending logger would act on, and forwards
// everything to an optional user logger.
type fatalLogger struct {
	next server.Logger // may be nil

	mu     sync.Mutex
	fatals []string
}

var _ server.Logger = (*fatalLogger)(nil)

func (l *fatalLogger) Noticef(format string, v ...any) {
	if l.next != nil {
		l.next.Noticef(format, v...)
	}
}

func (l *fatalLogger) Warnf(format string, v ...any) {
	if l.next != nil {
		l.next.Warnf(format, v...)
	}
}

func (l *fatalLogger) Errorf(format string, v ...any) {
	if l.next != nil {
		l.next.Errorf(format, v...)
	}
}

// Fatalf records the message and passes it on as an error, never exiting.
func (l *fatalLogger) Fatalf(format string, v ...any) {
	l.mu.Lock()
	l.fatals = append(l.fatals, fmt.Sprintf(format, v...))
	l.mu.Unlock()
	l.Errorf(format, v...)
}

func (l *fatalLogger) Debugf(format string, v ...any) {}

func (l *fatalLogger) Tracef(format string, v ...any) {}

// fatal returns the first recorded fatal message, or "".
func (l *fatalLogger) fatal() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.fatals) == 0 {
		return ""
	}
	return l.fatals[0]
}
