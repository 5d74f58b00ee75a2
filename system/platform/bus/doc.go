// Package bus is the JetStream side of the platform: it provisions the
// domain stream, publishes with the envelope id as Msg-Id, and runs durable
// pull consumers with explicit ack, bounded redelivery with backoff and a
// dead-letter subject that keeps the original message, the last error and
// the delivery count. Nothing is dropped silently.
package bus
