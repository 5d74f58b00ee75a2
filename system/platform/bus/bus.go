package bus

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/mallbots/mallbots/system/platform/msg"
)

// StreamName is the one stream holding all domain traffic.
const StreamName = "MALLBOTS"

// Bus is a connection to NATS with JetStream.
type Bus struct {
	nc     *nats.Conn
	js     jetstream.JetStream
	forced forcedDeliveries
}

// Connect dials url and keeps reconnecting forever, so a broker restart is an
// outage, not a crash.
func Connect(ctx context.Context, url, name string) (*Bus, error) {
	nc, err := nats.Connect(url, nats.Name(name), nats.MaxReconnects(-1),
		nats.ReconnectWait(100*time.Millisecond), nats.RetryOnFailedConnect(true))
	if err != nil {
		return nil, fmt.Errorf("connect nats %s: %w", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	return &Bus{nc: nc, js: js}, nil
}

// Close drains in-flight work and closes the connection.
func (b *Bus) Close() { _ = b.nc.Drain() }

// Conn returns the underlying NATS connection.
func (b *Bus) Conn() *nats.Conn { return b.nc }

// JetStream returns the JetStream context.
func (b *Bus) JetStream() jetstream.JetStream { return b.js }

// Connected reports whether the connection is up (readiness).
func (b *Bus) Connected() bool { return b.nc.IsConnected() }

// EnsureStream creates or updates the domain stream, on one server.
func (b *Bus) EnsureStream(ctx context.Context) error { return b.EnsureStreamReplicas(ctx, 1) }

// EnsureStreamReplicas creates or updates the domain stream with replicas
// copies on as many servers of a NATS cluster (3 survives the loss of any
// one server, the stream's leader included); its consumers take the same.
// A stream that exists as asked is left alone: only a different one is
// updated. Every service ensures the stream as it starts, while others
// create their consumers, and nats-server (v2.15) updates a stream's
// configuration without a lock that creating a consumer takes (its race
// detector's report, seen in make test).
func (b *Bus) EnsureStreamReplicas(ctx context.Context, replicas int) error {
	cfg := jetstream.StreamConfig{
		Name:       StreamName,
		Subjects:   []string{msg.Root + ".>"},
		Storage:    jetstream.FileStorage,
		Duplicates: 2 * time.Minute,
		MaxAge:     7 * 24 * time.Hour,
		Replicas:   max(replicas, 1),
	}
	_, err := b.js.CreateStream(ctx, cfg)
	if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
		_, err = b.js.UpdateStream(ctx, cfg)
	}
	if err != nil {
		return fmt.Errorf("ensure stream %s: %w", StreamName, err)
	}
	return nil
}

// PublishRaw publishes encoded bytes and waits for JetStream's ack. msgID
// makes a repeated publish (a relay retry) a no-op in the stream.
func (b *Bus) PublishRaw(ctx context.Context, subject, msgID string, data []byte) error {
	m := &nats.Msg{Subject: subject, Data: data, Header: nats.Header{}}
	m.Header.Set(jetstream.MsgIDHeader, msgID)
	if _, err := b.js.PublishMsg(ctx, m); err != nil {
		return fmt.Errorf("publish %s: %w", subject, err)
	}
	return nil
}

// Publish encodes env and publishes it on its subject.
func (b *Bus) Publish(ctx context.Context, env msg.Envelope) error {
	data, err := msg.Marshal(env)
	if err != nil {
		return err
	}
	return b.PublishRaw(ctx, env.Subject, env.ID, data)
}

// Outgoing is one message to publish with PublishAll.
type Outgoing struct {
	Subject string
	MsgID   string
	Data    []byte
}

// PublishAll publishes msgs one after the other without waiting between
// them, then waits for JetStream's acks in order. It returns how many
// leading messages were acknowledged and the first failure: a caller that
// retries the rest republishes under the same Msg-Ids, which the stream
// drops when they were stored after all.
func (b *Bus) PublishAll(ctx context.Context, msgs []Outgoing) (int, error) {
	futures := make([]jetstream.PubAckFuture, 0, len(msgs))
	var sendErr error
	for _, o := range msgs {
		m := &nats.Msg{Subject: o.Subject, Data: o.Data, Header: nats.Header{}}
		m.Header.Set(jetstream.MsgIDHeader, o.MsgID)
		f, err := b.js.PublishMsgAsync(m)
		if err != nil {
			sendErr = fmt.Errorf("publish %s: %w", o.Subject, err)
			break
		}
		futures = append(futures, f)
	}
	for i, f := range futures {
		if err := awaitAck(ctx, f); err != nil {
			return i, fmt.Errorf("publish %s: %w", msgs[i].Subject, err)
		}
	}
	return len(futures), sendErr
}

func awaitAck(ctx context.Context, f jetstream.PubAckFuture) error {
	select {
	case <-f.Ok():
		return nil
	case err := <-f.Err():
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
