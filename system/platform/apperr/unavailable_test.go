package apperr_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/apperr"
)

func TestIsUnavailable(t *testing.T) {
	marked := apperr.Unavailable(errors.New("customer not in the cache yet"))
	assert.Equal(t, "customer not in the cache yet", marked.Error(), "the mark keeps the text")
	assert.True(t, apperr.IsUnavailable(fmt.Errorf("request sms: %w", marked)))

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, refused := pgx.Connect(ctx, "postgres://u@"+addr+"/x?sslmode=disable")
	require.Error(t, refused)
	assert.True(t, apperr.IsUnavailable(refused), "a refused connection: %v", refused)

	for _, code := range []string{"57P01", "57P03", "08006", "53300"} {
		assert.True(t, apperr.IsUnavailable(fmt.Errorf("x: %w", &pgconn.PgError{Code: code})), code)
	}
	for _, err := range []error{nil, errors.New("boom"), apperr.Invalid("bad"), apperr.NotFound("order", "1"),
		&pgconn.PgError{Code: "23505"}, context.Canceled,
		fmt.Errorf("handler: %w", context.DeadlineExceeded)} {
		assert.False(t, apperr.IsUnavailable(err), "%v", err)
	}
}
