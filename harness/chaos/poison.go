package chaos

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// poison is the malformed message a phase puts on the stream, and the
// durable consumers that must each dead-letter it.
type poison struct {
	seq       uint64
	subject   string
	consumers []string
}

// publishPoison stores a StoreCreated event whose payload has the wrong
// types, as a buggy producer would.
func (t *Target) publishPoison(ctx context.Context) (poison, error) {
	env, err := msg.New(ctx, msg.EventSubject("stores", "StoreCreated"), "StoreCreated",
		map[string]any{"storeId": 42, "name": true, "participating": "sometimes"})
	if err != nil {
		return poison{}, err
	}
	data, err := json.Marshal(env)
	if err != nil {
		return poison{}, err
	}
	ack, err := t.js.Publish(ctx, env.Subject, data)
	if err != nil {
		return poison{}, fmt.Errorf("chaos: publish the poison message: %w", err)
	}
	consumers, err := t.consumersOf(ctx, env.Subject)
	return poison{seq: ack.Sequence, subject: env.Subject, consumers: consumers}, err
}

// consumersOf names the durable consumers that receive subject.
func (t *Target) consumersOf(ctx context.Context, subject string) ([]string, error) {
	s, err := t.js.Stream(ctx, bus.StreamName)
	if err != nil {
		return nil, fmt.Errorf("chaos: %w", err)
	}
	var out []string
	list := s.ListConsumers(ctx)
	for info := range list.Info() {
		cfg := info.Config
		if cfg.Durable != "" && (cfg.FilterSubject == subject || slices.Contains(cfg.FilterSubjects, subject)) {
			out = append(out, cfg.Durable)
		}
	}
	if err := list.Err(); err != nil {
		return nil, fmt.Errorf("chaos: list consumers: %w", err)
	}
	slices.Sort(out)
	return out, nil
}
