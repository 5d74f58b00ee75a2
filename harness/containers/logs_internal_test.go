package containers

import (
	"strings"
	"testing"
)

// TestLogsMaskSecrets: a container's log lines reach failures with their
// passwords masked (the run's DSN has one).
func TestLogsMaskSecrets(t *testing.T) {
	lines, err := maskedLines(strings.NewReader("level=INFO msg=ready\n" +
		"level=ERROR msg=\"connect\" dsn=postgres://user:s3cret@postgres:5432/db\nCookie: session=abc\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"level=INFO msg=ready", `level=ERROR msg="connect" dsn=postgres://user:REDACTED@postgres:5432/db`,
		"Cookie: REDACTED"}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines = %q, want %q", lines, want)
	}
}
