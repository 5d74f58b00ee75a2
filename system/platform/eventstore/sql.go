package eventstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/platform/es"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/outbox"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// appendEvents inserts events at their versions. The primary key on
// (type, id, version) turns a concurrent append at the same version into a
// unique violation: the second writer waits for the first, then conflicts.
func appendEvents(ctx context.Context, tx pgx.Tx, aggType string, envs []msg.Envelope) error {
	for _, env := range envs {
		data, err := msg.Marshal(env)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO events (aggregate_type, aggregate_id, version, message_id, name, envelope)
			VALUES ($1, $2, $3, $4, $5, $6)`, aggType, env.AggregateID, env.AggregateVersion, env.ID, env.Name, data)
		if pg.IsUniqueViolation(err) {
			return fmt.Errorf("%s %s v%d: %w", aggType, env.AggregateID, env.AggregateVersion, es.ErrStaleVersion)
		}
		if err != nil {
			return fmt.Errorf("append %s: %w", env.Name, err)
		}
	}
	return nil
}

func outboxAdd(ctx context.Context, tx pgx.Tx, envs []msg.Envelope) error {
	return outbox.Add(ctx, tx, envs...)
}

func loadEvents(ctx context.Context, q pg.Querier, aggType, id string, after int) ([]msg.Envelope, error) {
	rows, err := q.Query(ctx, `SELECT envelope FROM events
		WHERE aggregate_type = $1 AND aggregate_id = $2 AND version > $3 ORDER BY version`, aggType, id, after)
	if err != nil {
		return nil, fmt.Errorf("load %s %s: %w", aggType, id, err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (msg.Envelope, error) {
		var data []byte
		if err := r.Scan(&data); err != nil {
			return msg.Envelope{}, err
		}
		return msg.Unmarshal(data)
	})
}

func loadSnapshot(ctx context.Context, q pg.Querier, aggType, id string, into any) (int, error) {
	var version int
	var state []byte
	err := q.QueryRow(ctx, `SELECT version, state FROM snapshots
		WHERE aggregate_type = $1 AND aggregate_id = $2`, aggType, id).Scan(&version, &state)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("load snapshot %s %s: %w", aggType, id, err)
	}
	if err := json.Unmarshal(state, into); err != nil {
		return 0, fmt.Errorf("decode snapshot %s %s: %w", aggType, id, err)
	}
	return version, nil
}

func saveSnapshot(ctx context.Context, tx pgx.Tx, aggType, id string, version int, state any) error {
	data, err := json.Marshal(state)
	if err != nil {
		return fmt.Errorf("encode snapshot %s %s: %w", aggType, id, err)
	}
	_, err = tx.Exec(ctx, `INSERT INTO snapshots (aggregate_type, aggregate_id, version, state)
		VALUES ($1, $2, $3, $4) ON CONFLICT (aggregate_type, aggregate_id)
		DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state, taken_at = now()`,
		aggType, id, version, data)
	if err != nil {
		return fmt.Errorf("save snapshot %s %s: %w", aggType, id, err)
	}
	return nil
}
