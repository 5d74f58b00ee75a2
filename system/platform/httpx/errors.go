package httpx

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
)

// ProblemFor maps an error to the problem the client should see.
func ProblemFor(err error) *Problem {
	var p *Problem
	if errors.As(err, &p) {
		return p
	}
	if e, ok := apperr.As(err); ok {
		return fromAppErr(e)
	}
	switch {
	case apperr.IsUnavailable(err):
		return NewProblem(http.StatusServiceUnavailable, TypeUnavailable,
			"something this request needs is unavailable for a moment (the database, another context); retry shortly")
	case errors.Is(err, es.ErrNotFound):
		return NewProblem(http.StatusNotFound, TypeNotFound, err.Error())
	case errors.Is(err, es.ErrStaleVersion):
		return NewProblem(http.StatusConflict, TypeConflict,
			"the resource was changed by another request; reload and retry")
	}
	return NewProblem(http.StatusInternalServerError, TypeInternal, "an internal error occurred")
}

func fromAppErr(e *apperr.Error) *Problem {
	switch e.Kind {
	case apperr.KindInvalid:
		p := NewProblem(http.StatusBadRequest, TypeInvalidInput, e.Msg)
		p.Errors = e.Fields
		return p
	case apperr.KindNotFound:
		return NewProblem(http.StatusNotFound, TypeNotFound, e.Msg)
	case apperr.KindConflict:
		return NewProblem(http.StatusConflict, TypeConflict, e.Msg)
	}
	return NewProblem(http.StatusInternalServerError, TypeInternal, "an internal error occurred")
}

// HandlerFunc is an HTTP handler that returns its failure.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// Handle adapts h, writing a problem for any error it returns. Internal
// errors are logged with the correlation id and never leak details.
func Handle(h HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			p := ProblemFor(err)
			if p.Status >= 500 {
				slog.ErrorContext(r.Context(), "request failed", "path", r.URL.Path,
					"correlationId", w.Header().Get(HeaderCorrelationID), "err", err)
			}
			WriteProblem(w, r, p)
		}
	})
}
