package pgtemp

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// maxIdentifierLen is PostgreSQL's NAMEDATALEN-1: longer names are
// silently truncated by the server, so they are refused here.
const maxIdentifierLen = 63

var errStopped = errors.New("server is stopped")

// CreateDatabase creates the database name and returns its DSN.
func (s *Server) CreateDatabase(ctx context.Context, name string) (string, error) {
	if err := checkDatabaseName(name); err != nil {
		return "", fmt.Errorf("create database: %w", err)
	}
	if err := s.execAdmin(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", fmt.Errorf("create database %q: %w", name, err)
	}
	return s.DSN(name), nil
}

// DropDatabase drops the database name if it exists, disconnecting its
// remaining sessions first (PostgreSQL 13 and later).
func (s *Server) DropDatabase(ctx context.Context, name string) error {
	if err := checkDatabaseName(name); err != nil {
		return fmt.Errorf("drop database: %w", err)
	}
	sql := "DROP DATABASE IF EXISTS " + pgx.Identifier{name}.Sanitize()
	if s.major >= 13 {
		sql += " WITH (FORCE)"
	}
	if err := s.execAdmin(ctx, sql); err != nil {
		return fmt.Errorf("drop database %q: %w", name, err)
	}
	return nil
}

func checkDatabaseName(name string) error {
	switch {
	case name == "":
		return errors.New("empty database name")
	case len(name) > maxIdentifierLen:
		return fmt.Errorf("database name %q longer than %d bytes", name, maxIdentifierLen)
	}
	return nil
}

// execAdmin runs one statement on the maintenance database postgres.
func (s *Server) execAdmin(ctx context.Context, sql string) error {
	if s.stopped.Load() {
		return errStopped
	}
	conn, err := pgx.Connect(ctx, s.DSN("postgres"))
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	_, err = conn.Exec(ctx, sql)
	return err
}
