package outbox

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

type row struct {
	seq     int64
	id      string
	subject string
	key     string
	data    []byte
}

// claim locks up to limit unpublished rows and returns those to publish, and
// how many it locked. Rows locked by another relay are skipped; so that an
// aggregate's rows never overtake each other, a key is kept only when the
// batch holds its oldest unpublished row.
func claim(ctx context.Context, tx pgx.Tx, limit int) ([]row, int, error) {
	rows, err := tx.Query(ctx, `SELECT seq, message_id, subject, ordering_key, data FROM outbox
		WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`, limit)
	if err != nil {
		return nil, 0, fmt.Errorf("claim outbox rows: %w", err)
	}
	batch, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (row, error) {
		var o row
		return o, r.Scan(&o.seq, &o.id, &o.subject, &o.key, &o.data)
	})
	if err != nil || len(batch) == 0 {
		return nil, 0, err
	}
	heads, err := oldestUnpublished(ctx, tx, batch)
	if err != nil {
		return nil, 0, err
	}
	seen := len(batch)
	return keepHeads(batch, heads), seen, nil
}

func oldestUnpublished(ctx context.Context, tx pgx.Tx, batch []row) (map[string]int64, error) {
	keys := make([]string, 0, len(batch))
	for _, r := range batch {
		keys = append(keys, r.key)
	}
	rows, err := tx.Query(ctx, `SELECT ordering_key, min(seq) FROM outbox
		WHERE published_at IS NULL AND ordering_key = ANY($1) GROUP BY ordering_key`, keys)
	if err != nil {
		return nil, fmt.Errorf("outbox heads: %w", err)
	}
	heads := map[string]int64{}
	var key string
	var seq int64
	_, err = pgx.ForEachRow(rows, []any{&key, &seq}, func() error {
		heads[key] = seq
		return nil
	})
	return heads, err
}

// keepHeads drops every key whose oldest unpublished row is not in the batch.
func keepHeads(batch []row, heads map[string]int64) []row {
	first := map[string]int64{}
	for _, r := range batch {
		if _, ok := first[r.key]; !ok {
			first[r.key] = r.seq
		}
	}
	kept := batch[:0]
	for _, r := range batch {
		if first[r.key] == heads[r.key] {
			kept = append(kept, r)
		}
	}
	return kept
}
