package httpx

import (
	"encoding/json"
	"net/http"

	"github.com/mallbots/mallbots/system/platform/apperr"
)

// ProblemBase prefixes every problem type URI.
const ProblemBase = "https://mallbots.dev/problems/"

// Stable problem types.
const (
	TypeInvalidInput     = ProblemBase + "invalid-input"
	TypeNotFound         = ProblemBase + "not-found"
	TypeConflict         = ProblemBase + "conflict"
	TypeTooLarge         = ProblemBase + "payload-too-large"
	TypeUnsupportedMedia = ProblemBase + "unsupported-media-type"
	TypeMethodNotAllowed = ProblemBase + "method-not-allowed"
	TypeInternal         = ProblemBase + "internal"
	TypeUnavailable      = ProblemBase + "unavailable"
)

// Problem is an RFC 9457 problem details document.
type Problem struct {
	Type          string              `json:"type"`
	Title         string              `json:"title"`
	Status        int                 `json:"status"`
	Detail        string              `json:"detail,omitempty"`
	Instance      string              `json:"instance,omitempty"`
	CorrelationID string              `json:"correlationId,omitempty"`
	Errors        []apperr.FieldError `json:"errors,omitempty"`
}

func (p *Problem) Error() string { return p.Title + ": " + p.Detail }

// NewProblem returns a problem with the standard title for status.
func NewProblem(status int, typ, detail string) *Problem {
	return &Problem{Type: typ, Title: http.StatusText(status), Status: status, Detail: detail}
}

// WriteProblem writes p as application/problem+json.
func WriteProblem(w http.ResponseWriter, r *http.Request, p *Problem) {
	p.Instance = r.URL.Path
	p.CorrelationID = w.Header().Get(HeaderCorrelationID)
	w.Header().Set("Content-Type", "application/problem+json")
	if p.Status == http.StatusServiceUnavailable && w.Header().Get("Retry-After") == "" {
		w.Header().Set("Retry-After", "1")
	}
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}
