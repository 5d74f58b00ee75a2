//go:build pact

// Package pactkit is what the consumer tests and the provider verifications
// share: where the pact files live, the pacticipant names, the matchers of
// the message envelope that goes on the wire, and the plumbing that feeds a
// pact message into a consumer's real inbox router or reads a provider's
// real message back from JetStream.
//
// Everything under contracts/ carries the build tag "pact": the tests link
// against libpact_ffi (cgo), which `go test ./...` on a machine without it
// must not need. Run them with `make contracts`.
package pactkit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/pact-foundation/pact-go/v2/matchers"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/contexts"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
	"github.com/mallbots/mallbots/system/platform/schema"
)

// Messages suffixes a context's name to name it as a message provider: a
// context's REST API and its messages are verified separately (different
// transports), so each has a pacticipant of its own.
const Messages = "-messages"

// SMSProvider names the external SMS provider's API as a pacticipant.
const SMSProvider = "smsprovider"

// Dir returns the absolute folder of the pact files (contracts/pacts). The
// contract tests run in their package's folder, one level below contracts/
// (go test and scripts/contracts.sh alike); the source's own path is no
// guide, since the Makefile builds with -trimpath.
func Dir() string {
	wd, err := os.Getwd()
	if err != nil {
		return filepath.Join("..", "pacts")
	}
	return filepath.Join(wd, "..", "pacts")
}

// File returns the pact file of a consumer and provider pair.
func File(consumer, provider string) string {
	return filepath.Join(Dir(), consumer+"-"+provider+".json")
}

// FilesFor returns every pact file whose provider is provider, and fails
// the test when there is none (the consumers run first: make contracts).
func FilesFor(t *testing.T, provider string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(Dir(), "*-"+provider+".json"))
	require.NoError(t, err)
	var own []string
	for _, f := range files {
		var doc struct {
			Provider struct{ Name string } `json:"provider"`
		}
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(data, &doc), f)
		if doc.Provider.Name == provider {
			own = append(own, f)
		}
	}
	require.NotEmpty(t, own, "no pact file for provider %s in %s: run the consumer tests first (make contracts)", provider, Dir())
	return own
}

// RemovePacts deletes the pact files before the consumer tests write them
// afresh, so that an interaction removed from a test leaves the file too.
// It keeps them when only some tests run (-run), which would otherwise
// leave the providers without the rest.
func RemovePacts() error {
	if f := flagValue("test.run"); f != "" {
		return nil
	}
	files, err := filepath.Glob(filepath.Join(Dir(), "*.json"))
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := os.Remove(f); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// Example values of the matchers, so that a consumer test can look for
// the effect of the message it was fed.
const (
	ExampleID   = "0195f7a4-6b2c-7d3e-8f40-123456789abc"
	ExampleID2  = "0195f7a4-6b2c-7d3e-8f40-123456789abd"
	ExampleTime = "2026-01-02T03:04:05.123456Z"
)

var (
	uuidRegex = `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`
	timeRegex = `^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$`
)

// ID matches any lower-case UUID, with example.
func ID(example string) matchers.Matcher { return matchers.Regex(example, uuidRegex) }

// Envelope returns the matcher of the msg.Envelope JSON that goes on the
// wire for an event name on subject: name and subject are exact, the
// envelope's ids and time match by form, payload is the consumer's view of
// the payload. aggregateID is the example of the aggregate's id (its
// payload carries the same id).
func Envelope(name, subject, aggregateID string, payload map[string]any) map[string]any {
	env := envelope(name, subject, payload)
	env["aggregateId"] = ID(aggregateID)
	env["aggregateVersion"] = matchers.Integer(1)
	return env
}

// Command returns the matcher of a saga command's envelope: no aggregate,
// and the headers the participant's reply copies (the reply subject, the
// saga's id and the step, which is the command's name).
func Command(name, subject, replyTo string, payload map[string]any) map[string]any {
	env := envelope(name, subject, payload)
	env["headers"] = map[string]any{
		command.HeaderReplyTo:  replyTo,
		command.HeaderSagaID:   ID(ExampleID),
		command.HeaderSagaStep: name,
	}
	return env
}

// Reply returns the matcher of a participant's reply to a saga command
// (its name is the command's with "Reply"): on the saga's reply subject,
// with the saga's headers copied from the command.
func Reply(commandName, subject string, payload map[string]any) map[string]any {
	env := envelope(command.ReplyName(commandName), subject, payload)
	env["headers"] = map[string]any{
		command.HeaderSagaID:   ID(ExampleID),
		command.HeaderSagaStep: commandName,
	}
	return env
}

func envelope(name, subject string, payload map[string]any) map[string]any {
	return map[string]any{
		"id":            ID(ExampleID2),
		"name":          name,
		"subject":       subject,
		"occurredAt":    matchers.Regex(ExampleTime, timeRegex),
		"correlationId": ID(ExampleID2),
		"causationId":   ID(ExampleID2),
		"payload":       payload,
	}
}

// Metadata is the message metadata of a pact message: the subject it is
// published on (exact) and the content type.
func Metadata(subject string) map[string]string {
	return map[string]string{"subject": subject, "contentType": "application/json"}
}

// Decode turns the contents of a pact message into the envelope, through
// the same decoding the bus applies to bytes from the wire.
func Decode(t *testing.T, contents []byte) msg.Envelope {
	t.Helper()
	env, err := msg.Unmarshal(contents)
	require.NoError(t, err, "the pact message is not a valid envelope: %s", contents)
	return env
}

// Handle feeds env through router's real bus handler (inbox record, typed
// decoding, the context's handler, one transaction on pool).
func Handle(ctx context.Context, pool *pgxpool.Pool, router *inbox.Router, env msg.Envelope) error {
	return router.Handler(pool)(ctx, env)
}

// Pool returns a pool on an empty database of the shared test Postgres,
// with the platform tables (inbox, outbox, events) and the migrations of
// one context applied in its schema, as the host does at start-up. The
// database of a context is made and migrated once per test binary (or in
// advance, by Prepare); each call empties its tables, so a test starts
// from nothing without paying for a new database and its migrations.
func Pool(t *testing.T, context string, migrations fs.FS) *pgxpool.Pool {
	t.Helper()
	ctx, cancel := contextTimeout()
	defer cancel()
	pool, err := migrated(context, migrations)
	require.NoError(t, err, "the %s test database", context)
	require.NoError(t, truncate(ctx, pool))
	return pool
}

// Prepare makes and migrates the database of every context in the
// background and side by side, from TestMain: each has a database of its
// own, so their migrations do not queue behind one another, and the tests
// that need none run meanwhile. Pool waits for a preparation under way.
func Prepare() {
	for _, m := range contexts.All() {
		go func() { _, _ = migrated(m.Name(), m.Migrations()) }()
	}
}

// contextDB is one context's migrated database, made once.
type contextDB struct {
	once sync.Once
	pool *pgxpool.Pool
	err  error
}

var (
	poolsMu sync.Mutex
	pools   = map[string]*contextDB{}
)

// migrated returns the context's migrated pool, making it on first use.
// It lives until the test binary ends (systest.Main stops the server).
func migrated(name string, migrations fs.FS) (*pgxpool.Pool, error) {
	poolsMu.Lock()
	db, ok := pools[name]
	if !ok {
		db = &contextDB{}
		pools[name] = db
	}
	poolsMu.Unlock()
	db.once.Do(func() { db.pool, db.err = migrate(name, migrations) })
	return db.pool, db.err
}

// migrate creates the context's database and applies its migrations.
func migrate(name string, migrations fs.FS) (*pgxpool.Pool, error) {
	ctx, cancel := contextTimeout()
	defer cancel()
	server, err := systest.SharedPostgres()
	if err != nil {
		return nil, err
	}
	dsn, err := server.CreateDatabase(ctx, "contracts_"+name)
	if err != nil {
		return nil, err
	}
	pool, err := pg.Connect(ctx, dsn, name)
	if err != nil {
		return nil, err
	}
	if err := schema.Apply(ctx, pool); err != nil {
		return nil, err
	}
	if migrations != nil {
		if err := pg.Migrate(ctx, pool, "schema_version", migrations); err != nil {
			return nil, err
		}
	}
	return pool, nil
}

// truncate empties every table of the pool's schema but the migrations'
// own bookkeeping.
func truncate(ctx context.Context, pool *pgxpool.Pool) error {
	var tables []string
	rows, err := pool.Query(ctx, `SELECT quote_ident(tablename) FROM pg_tables
		WHERE schemaname = current_schema() AND tablename NOT LIKE '%schema_version%'`)
	if err != nil {
		return err
	}
	tables, err = pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil || len(tables) == 0 {
		return err
	}
	_, err = pool.Exec(ctx, "TRUNCATE "+strings.Join(tables, ", "))
	return err
}

func contextTimeout() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 30*time.Second)
}

// Wire reads the messages a provider's real code published to JetStream.
type Wire struct {
	stream jetstream.Stream
}

// Listen connects to the NATS server at url and the domain stream.
func Listen(t *testing.T, url string) *Wire {
	t.Helper()
	ctx, cancel := contextTimeout()
	defer cancel()
	b, err := bus.Connect(ctx, url, "contracts")
	require.NoError(t, err)
	t.Cleanup(b.Close)
	require.NoError(t, b.EnsureStream(ctx))
	s, err := b.JetStream().Stream(ctx, bus.StreamName)
	require.NoError(t, err)
	return &Wire{stream: s}
}

// Await returns the bytes of the first message on subject whose envelope
// belongs to aggregate id, and the metadata of the pact message (the
// subject JetStream stored it under), waiting up to 10 s for the outbox
// relay to publish it.
func (w *Wire) Await(subject, aggregateID string) ([]byte, map[string]any, error) {
	return w.AwaitMatch(subject, "of aggregate "+aggregateID, func(env msg.Envelope) bool {
		return env.AggregateID == aggregateID
	})
}

// AwaitMatch returns the bytes of the first message on subject whose
// envelope satisfies match (described by what in the error), and the
// metadata of the pact message, waiting up to 10 s for it.
func (w *Wire) AwaitMatch(subject, what string, match func(msg.Envelope) bool) ([]byte, map[string]any, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := w.stream.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{FilterSubjects: []string{subject}})
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", subject, err)
	}
	seen := 0
	for {
		m, err := c.Next(jetstream.FetchContext(ctx))
		if err != nil {
			return nil, nil, fmt.Errorf("no %s %s on the wire within 10 s (%d others seen): %w", subject, what, seen, err)
		}
		var env msg.Envelope
		if json.Unmarshal(m.Data(), &env) == nil && match(env) {
			return m.Data(), map[string]any{"subject": m.Subject(), "contentType": "application/json"}, nil
		}
		seen++
	}
}
