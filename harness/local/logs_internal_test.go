package local

import (
	"strings"
	"testing"
)

// TestLogsMaskSecrets: a process's log lines reach failures, reports and
// the log sink with their passwords and secret headers masked.
func TestLogsMaskSecrets(t *testing.T) {
	var sink strings.Builder
	l := newLineLog(10, &sink)
	l.add(`level=ERROR msg="connect postgres" dsn=postgres://user:s3cret@host/db`)
	_, _ = l.Write([]byte("FATAL: connection to postgres://user:s3cret@host/db failed\nAuthorization: Bearer abc\n"))
	lines := strings.Join(l.tail(0), "\n")
	for name, text := range map[string]string{"tail": lines, "sink": sink.String()} {
		if strings.Contains(text, "s3cret") || strings.Contains(text, "Bearer abc") {
			t.Errorf("the %s shows a secret:\n%s", name, text)
		}
		if !strings.Contains(text, "postgres://user:REDACTED@host/db") || !strings.Contains(text, "Authorization: REDACTED") {
			t.Errorf("the %s lost what is not secret:\n%s", name, text)
		}
	}
}
