package smsprovider

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// smsNumber is an E.164 number: a plus, a country code not starting with 0,
// and 7 to 15 digits in all.
var smsNumber = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

// send accepts one SMS, unless a fault says otherwise.
func (s *Server) send(w http.ResponseWriter, r *http.Request) {
	key, in, err := readSend(r)
	f := s.fault.take(in.To)
	if f.mode == ModeFail {
		writeError(w, http.StatusServiceUnavailable, CodeServiceUnavailable,
			"the provider is temporarily unavailable; retry later")
		return
	}
	if f.mode == ModeSlow && !wait(r.Context(), f.delay) {
		return // the sender gave up before the send completed: nothing is recorded
	}
	switch {
	case err != nil && f.mode == ModeDrop:
		hangUp(w)
	case err != nil:
		writeRequestError(w, err)
	case f.mode == ModeDrop:
		s.record(key, in)
		hangUp(w)
	default:
		writeJSON(w, http.StatusAccepted, s.record(key, in))
	}
}

// readSend decodes and checks a send: its idempotency key and its body.
func readSend(r *http.Request) (string, SendMessageRequest, error) {
	var in SendMessageRequest
	key, err := idempotencyKey(r.Header)
	if err != nil {
		return "", in, err
	}
	if err := decode(r, &in); err != nil {
		return "", in, err
	}
	return key, in, in.validate()
}

func idempotencyKey(h http.Header) (string, error) {
	keys := h.Values(HeaderIdempotencyKey)
	switch {
	case len(keys) == 0 || keys[0] == "":
		return "", invalid("the %s header is required", HeaderIdempotencyKey)
	case len(keys) > 1:
		return "", invalid("send one %s header", HeaderIdempotencyKey)
	case !visibleASCII(keys[0]) || len(keys[0]) > MaxKeyLength:
		return "", invalid("the %s must be 1 to %d visible ASCII characters", HeaderIdempotencyKey, MaxKeyLength)
	}
	return keys[0], nil
}

func (in SendMessageRequest) validate() error {
	var problems []string
	if !smsNumber.MatchString(in.To) {
		problems = append(problems, "to must be an E.164 number, e.g. +14155550123")
	}
	if strings.TrimSpace(in.Body) == "" {
		problems = append(problems, "body must not be empty")
	} else if utf8.RuneCountInString(in.Body) > MaxMessageLength {
		problems = append(problems, "body must be at most 1600 characters")
	}
	if len(problems) > 0 {
		return invalid("%s", strings.Join(problems, "; "))
	}
	return nil
}

func visibleASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return s != ""
}

// wait sleeps for d unless the sender hangs up first; it reports whether
// the sender is still there.
func wait(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return ctx.Err() == nil
	case <-ctx.Done():
		return false
	}
}

// hangUp closes the connection without answering.
func hangUp(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	// Not hijackable (HTTP/2): abort the response instead.
	panic(http.ErrAbortHandler)
}

// list answers what the provider received, filtered by to and idempotencyKey.
func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	q, err := query(r, "to", "idempotencyKey")
	if err != nil {
		writeRequestError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, MessageList{Messages: s.find(q["to"], q["idempotencyKey"])})
}

// query returns the single values of the allowed parameters and refuses
// any other parameter or a repeated one.
func query(r *http.Request, allowed ...string) (map[string]string, error) {
	values, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, invalid("the query string is malformed: %v", err)
	}
	out := map[string]string{}
	for name, vs := range values {
		switch {
		case !contains(allowed, name):
			return nil, invalid("unknown query parameter %q (allowed: %s)", name, strings.Join(allowed, ", "))
		case len(vs) > 1:
			return nil, invalid("query parameter %q given %d times", name, len(vs))
		}
		out[name] = vs[0]
	}
	return out, nil
}

// reset forgets every message.
func (s *Server) reset(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	s.messages = nil
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
