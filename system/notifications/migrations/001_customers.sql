-- The local copy of customers' state (event-carried state transfer). version
-- is the customer aggregate's version of the event that wrote the row; an
-- older or repeated event never rolls it back.
CREATE TABLE customer_cache (
    customer_id text    PRIMARY KEY,
    name        text    NOT NULL,
    sms_number  text    NOT NULL,
    enabled     boolean NOT NULL,
    version     integer NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
