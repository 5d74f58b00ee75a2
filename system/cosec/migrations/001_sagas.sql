-- One create-order saga per order. state is the saga as REST shows it
-- (cosecapi.Saga); work is the coordinator's working data (the order, the
-- compensations still to run). work is json, not jsonb: it keeps the order
-- exactly as ordering sent it, and jsonb cannot hold a \u0000 escape.
-- status and deadline are copied out of state for the deadline worker.
CREATE TABLE sagas (
    order_id   text        PRIMARY KEY,
    status     text        NOT NULL,
    deadline   timestamptz,
    state      jsonb       NOT NULL,
    work       json        NOT NULL,
    started_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Running sagas by deadline; an ended saga has none.
CREATE INDEX sagas_due ON sagas (deadline) WHERE deadline IS NOT NULL;
CREATE INDEX sagas_status ON sagas (status);
