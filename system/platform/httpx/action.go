package httpx

import (
	"bufio"
	"context"
	"io"
	"net/http"
)

// noBody is the request document of an action that takes no input.
type noBody struct{}

// Action adapts a use case that takes only the path value param, such as
// paying an invoice. The body may be absent or an empty JSON object; any
// other body is checked as strictly as every request document (media type,
// syntax, unknown fields), so a malformed request is a 4xx, never ignored.
func Action[Out any](param string, fn func(context.Context, string) (Out, error)) HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := NoDocument(r); err != nil {
			return err
		}
		return ByID(param, fn)(w, r)
	}
}

// NoDocument checks the body of a request that takes no document, as
// Action does: none, or an empty JSON object, else the 4xx problem Decode
// finds in it.
func NoDocument(r *http.Request) error {
	if !hasBody(r) {
		return nil
	}
	_, err := Decode[noBody](r)
	return err
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
