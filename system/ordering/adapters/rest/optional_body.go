package rest

import (
	"bufio"
	"context"
	"io"
	"net/http"

	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

// OptionalBody adapts a use case taking the path value param and a request
// document that may be left out: no body means the zero document. A body
// that is sent is checked as strictly as every request document (media
// type, syntax, unknown fields, a JSON object and not null), so a malformed
// request is a 4xx, never ignored.
func OptionalBody[In, Out any](param string, fn func(context.Context, string, In) (Out, error)) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		in, err := optional[In](r)
		if err != nil {
			return err
		}
		out, err := fn(r.Context(), r.PathValue(param), in)
		if err != nil {
			return err
		}
		return httpx.JSON(w, http.StatusOK, out)
	}
}

// optional decodes the body into In, or returns the zero In when there is none.
func optional[In any](r *http.Request) (In, error) {
	var zero In
	if !hasBody(r) {
		return zero, nil
	}
	in, err := httpx.Decode[*In](r)
	if err != nil {
		return zero, err
	}
	if in == nil {
		return zero, apperr.Invalid("the body must be a JSON object, not null; send no body for the defaults")
	}
	if v, ok := any(in).(httpx.Validator); ok {
		if err := v.Validate(); err != nil {
			return zero, err
		}
	}
	return *in, nil
}

// hasBody reports whether r carries at least one byte of body, keeping the
// byte readable for the decoder.
func hasBody(r *http.Request) bool {
	if r.Body == nil || r.Body == http.NoBody || r.ContentLength == 0 {
		return false
	}
	br := bufio.NewReader(r.Body)
	if _, err := br.Peek(1); err != nil {
		return false
	}
	r.Body = struct {
		io.Reader
		io.Closer
	}{br, r.Body}
	return true
}
