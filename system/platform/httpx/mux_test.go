package httpx_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mallbots/mallbots/system/platform/httpx"
)

func TestMuxRemembersEveryPatternAndServesThem(t *testing.T) {
	mux := httpx.NewMux()
	mux.HandleFunc("POST /things", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusCreated) })
	mux.Handle("GET /things/{id}", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(r.PathValue("id")))
	}))
	assert.Equal(t, []string{"GET /things/{id}", "POST /things"}, mux.Patterns())

	rec := httptest.NewRecorder()
	httpx.Routes(mux).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/things/a1", nil))
	assert.Equal(t, "a1", rec.Body.String())
	_, pattern := mux.Handler(httptest.NewRequest(http.MethodPost, "/things", nil))
	assert.Equal(t, "POST /things", pattern)
	rec = httptest.NewRecorder()
	httpx.Routes(mux).ServeHTTP(rec, httptest.NewRequest(http.MethodDelete, "/things", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)
	assert.Equal(t, "POST", rec.Header().Get("Allow"))
}
