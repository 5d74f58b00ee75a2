-- The micro event store of the SMS gateway: append-only, one stream per SMS,
-- keyed by its idempotency key (derived from the order and the kind). The
-- primary key makes version 1 (Requested) unique, so a redelivered or
-- republished order event cannot request the same SMS twice, and makes two
-- writers of one stream collide instead of interleaving.
CREATE TABLE sms_events (
    idempotency_key     text        NOT NULL,
    version             integer     NOT NULL CHECK (version > 0),
    type                text        NOT NULL
        CHECK (type IN ('Requested', 'AttemptStarted', 'AttemptFailed', 'Sent', 'Rejected')),
    customer_id         text        NOT NULL,
    order_id            text        NOT NULL,
    kind                text        NOT NULL,
    sms_to              text        NOT NULL,
    body                text        NOT NULL,
    at                  timestamptz NOT NULL,
    error               text        NOT NULL DEFAULT '',
    outcome_unknown     boolean     NOT NULL DEFAULT false,
    next_attempt_at     timestamptz,
    provider_message_id text        NOT NULL DEFAULT '',
    PRIMARY KEY (idempotency_key, version)
);
CREATE INDEX sms_events_customer ON sms_events (customer_id);
CREATE INDEX sms_events_order ON sms_events (order_id);

-- The SMS still to send, projected from sms_events in the same transaction:
-- a row is added with Requested, moved on by AttemptFailed and removed by
-- Sent or Rejected. The sender claims a due row with FOR UPDATE SKIP LOCKED
-- and holds the lock for the whole attempt, so one SMS is never sent by two
-- senders at once.
CREATE TABLE sms_queue (
    idempotency_key text        PRIMARY KEY,
    next_attempt_at timestamptz NOT NULL
);
CREATE INDEX sms_queue_due ON sms_queue (next_attempt_at);
