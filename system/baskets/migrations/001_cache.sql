-- The local copy of stores' state (event-carried state transfer). version is
-- the stores aggregate version of the event that wrote the row, or 0 when it
-- was filled from stores' REST API on a cache miss. There is no foreign key
-- from product to store: events of different aggregates may arrive in any order.
CREATE TABLE store_cache (
    store_id      text    PRIMARY KEY,
    name          text    NOT NULL,
    participating boolean NOT NULL,
    version       integer NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE product_cache (
    product_id  text    PRIMARY KEY,
    store_id    text    NOT NULL,
    name        text    NOT NULL,
    price_cents bigint  NOT NULL,
    removed     boolean NOT NULL,
    version     integer NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
