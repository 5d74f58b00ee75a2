package apperr

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
)

// ErrUnavailable marks a failure of something a request or a message
// depends on (the database down, a peer unreachable, a copy not caught up
// yet) rather than of the input: the same request may succeed a moment
// later. HTTP answers it with 503 and Retry-After; a consumer delivers the
// message again with backoff instead of dead-lettering it (package bus).
var ErrUnavailable = errors.New("temporarily unavailable")

// Unavailable marks err as ErrUnavailable, keeping its text.
func Unavailable(err error) error { return unavailableError{err} }

type unavailableError struct{ error }

func (e unavailableError) Unwrap() []error { return []error{e.error, ErrUnavailable} }

// IsUnavailable reports a failure that may pass by itself: one marked with
// Unavailable, or a refused, lost or timed-out connection (to Postgres, a
// peer, the broker), or Postgres shutting down, starting up or refusing
// connections. A context's deadline or cancellation is not: the caller
// gave up, which says nothing of the dependency.
func IsUnavailable(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, ErrUnavailable) {
		return true
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return false // the caller's own deadline or stop, whatever it waited for
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return unavailableCode(pgErr.Code)
	}
	var connectErr *pgconn.ConnectError
	var netErr net.Error
	switch {
	case errors.As(err, &connectErr), errors.As(err, &netErr), pgconn.SafeToRetry(err), pgconn.Timeout(err):
		return true
	}
	for _, lost := range []error{pgconn.ErrConnClosed, net.ErrClosed, io.EOF, io.ErrUnexpectedEOF,
		syscall.ECONNREFUSED, syscall.ECONNRESET, syscall.EPIPE} {
		if errors.Is(err, lost) {
			return true
		}
	}
	return false
}

// unavailableCode reports the SQLSTATEs of a server that cannot serve now:
// class 08 (connection exception), admin_shutdown, crash_shutdown,
// cannot_connect_now, too_many_connections.
func unavailableCode(code string) bool {
	switch code {
	case "57P01", "57P02", "57P03", "53300":
		return true
	}
	return strings.HasPrefix(code, "08")
}
