package smsprovider

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"sync"
	"time"
)

// Server is the stand-in provider's in-memory state and HTTP API.
type Server struct {
	mu       sync.Mutex
	messages []Message
	fault    faultState
	now      func() time.Time
}

// New returns an empty provider with no fault.
func New() *Server { return &Server{now: func() time.Time { return time.Now().UTC() }} }

// Handler returns the provider's HTTP API.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/messages", s.send)
	mux.HandleFunc("GET /v1/messages", s.list)
	mux.HandleFunc("DELETE /v1/messages", s.reset)
	mux.HandleFunc("PUT /v1/admin/faults", s.setFault)
	mux.HandleFunc("GET /v1/admin/faults", s.getFault)
	mux.HandleFunc("DELETE /v1/admin/faults", s.clearFault)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	return routes(mux)
}

// record stores a received message and returns it.
func (s *Server) record(key string, in SendMessageRequest) Message {
	m := Message{ID: newID(), To: in.To, Body: in.Body, IdempotencyKey: key,
		ReceivedAt: s.now(), Status: "accepted"}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.messages = append(s.messages, m)
	return m
}

// find returns the messages matching the non-empty filters, oldest first.
func (s *Server) find(to, key string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	found := []Message{}
	for _, m := range s.messages {
		if (to == "" || m.To == to) && (key == "" || m.IdempotencyKey == key) {
			found = append(found, m)
		}
	}
	return found
}

func newID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return "SM" + hex.EncodeToString(b)
}
