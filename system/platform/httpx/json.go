package httpx

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

// MaxBodyBytes bounds every request body.
const MaxBodyBytes = 1 << 20

// Validator is implemented by requests that check themselves after decoding.
type Validator interface{ Validate() error }

// Decode reads a JSON body into T strictly: the right media type, a size
// limit, no unknown fields, one document and not null, and T's own
// validation.
func Decode[T any](r *http.Request) (T, error) {
	var v T
	if err := checkMediaType(r); err != nil {
		return v, err
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, MaxBodyBytes))
	if err != nil {
		return v, decodeProblem(err)
	}
	if hasNUL(body) {
		return v, invalid("text fields must not contain NUL characters")
	}
	if bytes.Equal(bytes.TrimSpace(body), []byte("null")) {
		// json would decode null into T as no change at all: the zero
		// document, as if the request had said nothing wrong.
		return v, invalid("the body must be a JSON object, not null")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return v, decodeProblem(err)
	}
	if dec.More() {
		return v, invalid("the body must hold exactly one JSON document")
	}
	if val, ok := any(&v).(Validator); ok {
		if err := val.Validate(); err != nil {
			return v, err
		}
	}
	return v, nil
}

func checkMediaType(r *http.Request) error {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
		return NewProblem(http.StatusUnsupportedMediaType, TypeUnsupportedMedia,
			"send the body as application/json")
	}
	return nil
}

func decodeProblem(err error) error {
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return NewProblem(http.StatusRequestEntityTooLarge, TypeTooLarge,
			fmt.Sprintf("the body exceeds %d bytes", tooLarge.Limit))
	case errors.As(err, &syntax):
		return invalid(fmt.Sprintf("malformed JSON at byte %d", syntax.Offset))
	case errors.As(err, &typeErr) && typeErr.Field == "":
		return invalid("the body must be " + jsonKind(typeErr.Type.Kind().String()))
	case errors.As(err, &typeErr):
		return invalid(fmt.Sprintf("field %q must be %s", typeErr.Field, jsonKind(typeErr.Type.Kind().String())))
	case errors.Is(err, io.EOF):
		return invalid("the body is empty; send a JSON document")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return invalid("the JSON document is truncated")
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return invalid(strings.TrimPrefix(err.Error(), "json: "))
	}
	return invalid("the body is not valid JSON: " + err.Error())
}

// jsonKind names the JSON kind a Go kind decodes from, with its article.
func jsonKind(goKind string) string {
	switch {
	case strings.HasPrefix(goKind, "int"), strings.HasPrefix(goKind, "uint"), strings.HasPrefix(goKind, "float"):
		return "a number"
	case goKind == "struct" || goKind == "map":
		return "an object"
	case goKind == "slice" || goKind == "array":
		return "an array"
	case goKind == "bool":
		return "a boolean"
	}
	return "a " + goKind
}

func invalid(detail string) *Problem {
	return NewProblem(http.StatusBadRequest, TypeInvalidInput, detail)
}

// JSON writes v with status.
func JSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	return json.NewEncoder(w).Encode(v)
}

// hasNUL finds the JSON escape of a NUL character, which Postgres text
// cannot hold; raw control characters are already invalid JSON.
func hasNUL(body []byte) bool {
	return bytes.Contains(bytes.ToLower(body), []byte(`\u0000`))
}
