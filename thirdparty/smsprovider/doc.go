// Package smsprovider is a stand-in for a third-party SMS SaaS, the kind of
// external provider the notifications context sends through. It is not one
// of MallBots' bounded contexts: it keeps what it receives in memory, speaks
// its own JSON (not MallBots' problem details) and uses net/http only.
//
// The API:
//
//	POST   /v1/messages        {to, body} + Idempotency-Key header -> 202 Message
//	GET    /v1/messages        ?to=&idempotencyKey= (optional) -> MessageList
//	DELETE /v1/messages        forget every message -> 204
//	PUT    /v1/admin/faults    Fault -> 200 FaultStatus
//	GET    /v1/admin/faults    -> 200 FaultStatus
//	DELETE /v1/admin/faults    clear the fault -> 204
//	GET    /healthz            -> 200
//
// Like many real providers it does NOT deduplicate by idempotency key: two
// sends with one key are two messages, so the sender must be idempotent.
// It records the key so that a sender can ask whether a message whose
// outcome it does not know has arrived.
//
// Faults affect POST /v1/messages only, so that a sender can still ask what
// arrived while sends fail:
//   - fail: answer 503 without recording the message;
//   - slow: wait delayMs, then behave normally; a sender that gives up
//     before the answer leaves nothing recorded (the send was never
//     completed);
//   - drop: record the message but never answer: the connection is closed
//     without a response, so the sender cannot know it arrived.
//
// A fault with count n affects the next n sends and then clears itself;
// count 0 keeps it until it is cleared.
package smsprovider
