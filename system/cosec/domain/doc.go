// Package domain is the create-order saga as a pure state machine: a
// Coordinator starts a saga from an order, moves it on each reply or
// deadline, and says which commands to send and which event ends it. It
// knows nothing of Postgres or NATS; the app writes its effects to the
// outbox in the transaction that saves the saga.
package domain
