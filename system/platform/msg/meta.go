package msg

import (
	"context"
	"slices"
)

// Meta is the correlation metadata carried through a chain of work.
type Meta struct {
	// CorrelationID is shared by everything one user action caused.
	CorrelationID string
	// CausationID is the id of the request or message that caused this one.
	CausationID string
}

type metaKey struct{}

// WithMeta returns a context carrying meta.
func WithMeta(ctx context.Context, meta Meta) context.Context {
	return context.WithValue(ctx, metaKey{}, meta)
}

// MetaFrom returns the metadata in ctx, or the zero Meta.
func MetaFrom(ctx context.Context) Meta {
	meta, _ := ctx.Value(metaKey{}).(Meta)
	return meta
}

// CausedBy returns a context whose messages are caused by env and share its correlation.
func CausedBy(ctx context.Context, env Envelope) context.Context {
	return WithMeta(ctx, Meta{CorrelationID: env.CorrelationID, CausationID: env.ID})
}

func sorted(s []string) []string {
	slices.Sort(s)
	return s
}
