package chaos

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/platform/bus"
)

// marks are where the stream and every context's outbox stood when a phase
// began: the phase audits what came after them.
type marks struct {
	streamSeq uint64           // the stream's last sequence
	outboxSeq map[string]int64 // per schema, the last outbox row
}

func (t *Target) mark(ctx context.Context) (marks, error) {
	m := marks{outboxSeq: map[string]int64{}}
	seq, err := t.lastSeq(ctx)
	if err != nil {
		return m, err
	}
	m.streamSeq = seq
	schemas, err := t.outboxSchemas(ctx)
	if err != nil {
		return m, err
	}
	for _, s := range schemas {
		var last int64
		q := fmt.Sprintf("SELECT coalesce(max(seq), 0) FROM %s.outbox", pgx.Identifier{s}.Sanitize())
		if err := t.db.QueryRow(ctx, q).Scan(&last); err != nil {
			return m, fmt.Errorf("chaos: outbox of %s: %w", s, err)
		}
		m.outboxSeq[s] = last
	}
	return m, nil
}

func (t *Target) lastSeq(ctx context.Context) (uint64, error) {
	s, err := t.js.Stream(ctx, bus.StreamName)
	if err != nil {
		return 0, fmt.Errorf("chaos: stream %s: %w", bus.StreamName, err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("chaos: stream %s: %w", bus.StreamName, err)
	}
	return info.State.LastSeq, nil
}

// outboxSchemas are the schemas (one per context) that hold an outbox.
func (t *Target) outboxSchemas(ctx context.Context) ([]string, error) {
	rows, err := t.db.Query(ctx, `SELECT table_schema FROM information_schema.tables
		WHERE table_name = 'outbox' ORDER BY table_schema`)
	if err != nil {
		return nil, fmt.Errorf("chaos: list outboxes: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// outboxRow is one row a phase wrote to an outbox.
type outboxRow struct {
	schema    string
	messageID string
	published bool
}

// outboxRows are the rows written since m, in every schema.
func (t *Target) outboxRows(ctx context.Context, m marks) ([]outboxRow, error) {
	var out []outboxRow
	for schema, since := range m.outboxSeq {
		q := fmt.Sprintf("SELECT message_id, published_at IS NOT NULL FROM %s.outbox WHERE seq > $1",
			pgx.Identifier{schema}.Sanitize())
		rows, err := t.db.Query(ctx, q, since)
		if err != nil {
			return nil, fmt.Errorf("chaos: outbox of %s: %w", schema, err)
		}
		got, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (outboxRow, error) {
			o := outboxRow{schema: schema}
			return o, r.Scan(&o.messageID, &o.published)
		})
		if err != nil {
			return nil, fmt.Errorf("chaos: outbox of %s: %w", schema, err)
		}
		out = append(out, got...)
	}
	return out, nil
}

// unpublished counts outbox rows not yet published, in every schema.
func (t *Target) unpublished(ctx context.Context, m marks) (int, error) {
	total := 0
	for schema := range m.outboxSeq {
		var n int
		q := fmt.Sprintf("SELECT count(*) FROM %s.outbox WHERE published_at IS NULL", pgx.Identifier{schema}.Sanitize())
		if err := t.db.QueryRow(ctx, q).Scan(&n); err != nil {
			return 0, fmt.Errorf("chaos: outbox of %s: %w", schema, err)
		}
		total += n
	}
	return total, nil
}
