// Package load is the harness's load mode: it drives the checkout journey
// (customer registered, basket started, items added, payment authorized,
// checkout) against a running system at a fixed rate (open loop) or with a
// fixed number of customers (closed loop), follows every order on the
// stream to its terminal state, plays the bots and the paying customer when
// the journey goes as far as completion, samples the memory and CPU of
// every component, and summarises it all in a Result: per-stage latency
// percentiles, throughput, errors by kind and orders left non-terminal.
//
// Times are taken where they are exact rather than by polling: a stage is
// reached when its event (OrderCreated, OrderApproved, ShoppingListAvailable,
// OrderCompleted...) is stored in the stream, as seen by the driver's own
// JetStream consumer, and an SMS is sent when the SMS provider says it
// received it.
package load
