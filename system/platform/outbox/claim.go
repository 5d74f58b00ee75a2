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
	head    int64 // the oldest unpublished seq of the row's key
}

// claimSQL locks up to $1 unpublished rows, skipping rows another relay
// holds, and gives each the oldest unpublished row of its ordering key, in
// one round trip.
const claimSQL = `WITH c AS (
	SELECT seq, message_id, subject, ordering_key, data FROM outbox
	WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED
), h AS (
	SELECT ordering_key, min(seq) AS head FROM outbox
	WHERE published_at IS NULL AND ordering_key IN (SELECT ordering_key FROM c) GROUP BY ordering_key
)
SELECT c.seq, c.message_id, c.subject, c.ordering_key, c.data, h.head
FROM c JOIN h USING (ordering_key) ORDER BY c.seq`

// claim locks up to limit unpublished rows and returns those to publish, and
// how many it locked. So that an aggregate's rows never overtake each other,
// a key is kept only when the batch holds its oldest unpublished row (not
// when another relay holds it).
func claim(ctx context.Context, tx pgx.Tx, limit int) ([]row, int, error) {
	rows, err := tx.Query(ctx, claimSQL, limit)
	if err != nil {
		return nil, 0, fmt.Errorf("claim outbox rows: %w", err)
	}
	batch, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (row, error) {
		var o row
		return o, r.Scan(&o.seq, &o.id, &o.subject, &o.key, &o.data, &o.head)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("claim outbox rows: %w", err)
	}
	return keepHeads(batch), len(batch), nil
}

// keepHeads drops every key whose oldest unpublished row is not in the batch.
func keepHeads(batch []row) []row {
	first := map[string]int64{}
	for _, r := range batch {
		if _, ok := first[r.key]; !ok {
			first[r.key] = r.seq
		}
	}
	kept := batch[:0]
	for _, r := range batch {
		if first[r.key] == r.head {
			kept = append(kept, r)
		}
	}
	return kept
}
