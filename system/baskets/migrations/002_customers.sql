-- The customers baskets knows exist (event-carried state transfer from
-- customers' CustomerRegistered, or customers' REST answer on a cache miss).
-- A basket needs only to know that its customer exists, and a customer is
-- never removed, so the id is all it keeps.
CREATE TABLE customer_cache (
    customer_id text        PRIMARY KEY,
    cached_at   timestamptz NOT NULL DEFAULT now()
);
