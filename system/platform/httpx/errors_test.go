package httpx_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

// TestAnUnavailableDependencyIs503: a request that failed because Postgres
// is shutting down (or another dependency is unavailable) is answered 503
// with Retry-After, so that the client knows to retry; any other failure
// stays a 500 that tells nothing of the internals.
func TestAnUnavailableDependencyIs503(t *testing.T) {
	for _, tc := range []struct {
		err    error
		status int
		typ    string
	}{
		{fmt.Errorf("save order: %w", &pgconn.PgError{Code: "57P01", Message: "terminating connection"}),
			http.StatusServiceUnavailable, httpx.TypeUnavailable},
		{apperr.Unavailable(errors.New("customer not cached yet")), http.StatusServiceUnavailable, httpx.TypeUnavailable},
		{errors.New("boom"), http.StatusInternalServerError, httpx.TypeInternal},
	} {
		rec := httptest.NewRecorder()
		httpx.Handle(func(http.ResponseWriter, *http.Request) error { return tc.err }).
			ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/api/orders", nil))
		require.Equal(t, tc.status, rec.Code, "%v", tc.err)
		var p httpx.Problem
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &p))
		assert.Equal(t, tc.typ, p.Type)
		assert.NotContains(t, p.Detail, "terminating", "no internals leak")
		if tc.status == http.StatusServiceUnavailable {
			assert.Equal(t, "1", rec.Header().Get("Retry-After"))
		}
	}
}
