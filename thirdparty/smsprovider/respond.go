package smsprovider

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, code, format string, args ...any) {
	writeJSON(w, status, ErrorBody{Error: ErrorDetail{Code: code, Message: fmt.Sprintf(format, args...)}})
}

// requestError is a client mistake with the answer it gets.
type requestError struct {
	status  int
	code    string
	message string
}

func (e *requestError) Error() string { return e.message }

func invalid(format string, args ...any) error {
	return &requestError{http.StatusBadRequest, CodeInvalidRequest, fmt.Sprintf(format, args...)}
}

func writeRequestError(w http.ResponseWriter, err error) {
	var re *requestError
	if !errors.As(err, &re) {
		re = &requestError{http.StatusBadRequest, CodeInvalidRequest, err.Error()}
	}
	writeError(w, re.status, re.code, "%s", re.message)
}

// decode reads one JSON object into v strictly: a JSON media type (or
// none), a size limit, no unknown fields and nothing after the document.
func decode(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return &requestError{http.StatusUnsupportedMediaType, CodeUnsupportedMedia, "send the body as application/json"}
		}
	}
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, MaxBodyBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeError(err)
	}
	if dec.More() {
		return invalid("the body must hold exactly one JSON document")
	}
	return nil
}

func decodeError(err error) error {
	var tooLarge *http.MaxBytesError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &tooLarge):
		return &requestError{http.StatusRequestEntityTooLarge, CodeTooLarge,
			fmt.Sprintf("the body exceeds %d bytes", tooLarge.Limit)}
	case errors.Is(err, io.EOF):
		return invalid("the body is empty; send a JSON object")
	case errors.As(err, &typeErr) && typeErr.Field != "":
		return invalid("field %q has the wrong type", typeErr.Field)
	case errors.As(err, &typeErr):
		return invalid("the body must be a JSON object")
	}
	return invalid("the body is not valid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
}

// routes serves mux, answering unknown paths and wrong methods in the
// provider's JSON instead of the mux's plain text.
func routes(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern != "" {
			mux.ServeHTTP(w, r)
			return
		}
		probe := &statusProbe{header: http.Header{}}
		mux.ServeHTTP(probe, r)
		if probe.status == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", probe.header.Get("Allow"))
			writeError(w, http.StatusMethodNotAllowed, CodeMethodNotAllowed, "%s is not allowed on %s", r.Method, r.URL.Path)
			return
		}
		writeError(w, http.StatusNotFound, CodeNotFound, "no such resource: %s", r.URL.Path)
	})
}

// statusProbe records what the mux would answer for an unmatched request.
type statusProbe struct {
	header http.Header
	status int
}

func (p *statusProbe) Header() http.Header         { return p.header }
func (p *statusProbe) Write(b []byte) (int, error) { return len(b), nil }
func (p *statusProbe) WriteHeader(code int)        { p.status = code }
