package redact_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mallbots/mallbots/system/platform/redact"
)

func TestURL(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"a DSN's password", "postgres://user:s3cret@host/db", "postgres://user:REDACTED@host/db"},
		{"a DSN with options", "postgres://mallbots:s3cret@postgres:5432/mallbots?sslmode=disable",
			"postgres://mallbots:REDACTED@postgres:5432/mallbots?sslmode=disable"},
		{"a password parameter", "postgres://user@host/db?sslmode=disable&password=s3cret",
			"postgres://user@host/db?sslmode=disable&password=REDACTED"},
		{"a token in a path's query", "/api/orders?access_token=abc&limit=5", "/api/orders?access_token=REDACTED&limit=5"},
		{"a NATS URL with credentials", "nats://app:s3cret@127.0.0.1:4222", "nats://app:REDACTED@127.0.0.1:4222"},
		{"no password: unchanged", "postgres://postgres@127.0.0.1:5432/mallbots?sslmode=disable",
			"postgres://postgres@127.0.0.1:5432/mallbots?sslmode=disable"},
		{"a plain URL: unchanged", "http://127.0.0.1:8080/api/stores/x?q=a%20b", "http://127.0.0.1:8080/api/stores/x?q=a%20b"},
		{"no URL: masked as text", "host=db password=s3cret", "host=db password=REDACTED"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, redact.URL(tc.in))
		})
	}
}

func TestText(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"a DSN in a log line", `level=ERROR msg="connect" dsn=postgres://user:s3cret@host/db err=refused`,
			`level=ERROR msg="connect" dsn=postgres://user:REDACTED@host/db err=refused`},
		{"a quoted DSN", `--postgres-dsn "postgres://user:s3cret@host/db"`, `--postgres-dsn "postgres://user:REDACTED@host/db"`},
		{"libpq key/value", `host=db user=app password='s3 cret' dbname=x`, `host=db user=app password='REDACTED' dbname=x`},
		{"a header line", "Authorization: Bearer abc", "Authorization: REDACTED"},
		{"a cookie line", "Cookie: session=abc; theme=dark", "Cookie: REDACTED"},
		{"an API key line", "X-Api-Key: abc", "X-Api-Key: REDACTED"},
		{"a Go header map", "map[Authorization:[Bearer abc] Content-Type:[application/json]]",
			"map[Authorization:[REDACTED] Content-Type:[application/json]]"},
		{"a JSON field", `{"name":"Ada","password":"s3cret","token": "abc"}`, `{"name":"Ada","password":"REDACTED","token": "REDACTED"}`},
		{"a slog attribute", `msg=login auth_token="abc def" user=ada`, `msg=login auth_token="REDACTED" user=ada`},
		{"SQL", `STATEMENT:  ALTER ROLE app PASSWORD 's3cret'`, `STATEMENT:  ALTER ROLE app PASSWORD 'REDACTED'`},
		{"nothing secret: unchanged", `level=INFO msg="host ready" addr=127.0.0.1:8080 key=order-1`,
			`level=INFO msg="host ready" addr=127.0.0.1:8080 key=order-1`},
		{"a postgres log: unchanged", `FATAL:  password authentication failed for user "app"`,
			`FATAL:  password authentication failed for user "app"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := redact.Text(tc.in)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, got, redact.Text(got), "masking twice changes nothing")
		})
	}
}

func TestHeader(t *testing.T) {
	h := http.Header{
		"Authorization":    {"Bearer abc"},
		"Cookie":           {"session=abc"},
		"X-Api-Key":        {"abc"},
		"X-Session-Token":  {"abc"},
		"X-Client-Secret":  {"abc"},
		"X-Db-Password":    {"abc"},
		"Content-Type":     {"application/json"},
		"X-Correlation-Id": {"scenario-1"},
	}
	got := redact.Header(h)
	for _, name := range []string{"Authorization", "Cookie", "X-Api-Key", "X-Session-Token", "X-Client-Secret", "X-Db-Password"} {
		assert.Equal(t, []string{redact.Mask}, got[name], name)
	}
	assert.Equal(t, "application/json", got.Get("Content-Type"))
	assert.Equal(t, "scenario-1", got.Get("X-Correlation-Id"))
	assert.Equal(t, "Bearer abc", h.Get("Authorization"), "the original is left alone")
	assert.Nil(t, redact.Header(nil))
}
