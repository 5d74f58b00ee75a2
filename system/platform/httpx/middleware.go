package httpx

import (
	"log/slog"
	"net/http"
	"regexp"
	"time"

	"github.com/mallbots/mallbots/system/platform/msg"
)

// HeaderCorrelationID carries the correlation id in and out.
const HeaderCorrelationID = "X-Correlation-ID"

var validCorrelation = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,128}$`)

// Correlate accepts a well-formed X-Correlation-ID or makes a new one, echoes
// it, and puts it in the request context so that every message the request
// causes carries it. The causation of those messages is the request itself.
func Correlate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requestID := msg.NewID()
		id := r.Header.Get(HeaderCorrelationID)
		if !validCorrelation.MatchString(id) {
			id = requestID
		}
		w.Header().Set(HeaderCorrelationID, id)
		ctx := msg.WithMeta(r.Context(), msg.Meta{CorrelationID: id, CausationID: requestID})
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// Recover turns a panic into a 500 problem instead of a dropped connection.
func Recover(log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer func() {
				if v := recover(); v != nil {
					log.Error("panic in handler", "path", r.URL.Path, "panic", v)
					WriteProblem(w, r, NewProblem(http.StatusInternalServerError, TypeInternal,
						"an internal error occurred"))
				}
			}()
			next.ServeHTTP(w, r)
		})
	}
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// AccessLog logs each request at debug level (warn for 5xx).
func AccessLog(log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start, rec := time.Now(), &statusRecorder{ResponseWriter: w, status: 200}
			next.ServeHTTP(rec, r)
			level := slog.LevelDebug
			if rec.status >= 500 {
				level = slog.LevelWarn
			}
			log.Log(r.Context(), level, "http", "method", r.Method, "path", r.URL.Path,
				"status", rec.status, "took", time.Since(start),
				"correlationId", w.Header().Get(HeaderCorrelationID))
		})
	}
}

// Chain wraps h with middlewares, the first outermost.
func Chain(h http.Handler, mws ...func(http.Handler) http.Handler) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}
