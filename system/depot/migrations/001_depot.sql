-- The local copy of stores' state (event-carried state transfer): where a
-- bot finds each store. version is the stores aggregate version of the
-- event that wrote the row; an older event never rolls it back.
CREATE TABLE store_cache (
    store_id   text    PRIMARY KEY,
    name       text    NOT NULL,
    location   text    NOT NULL,
    version    integer NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per order the depot heard of: the order's list, or, when
-- shopping_list_id is NULL, a tombstone saying the order was cancelled
-- before any list was made, so that a late CreateShoppingList fails. The
-- primary key serializes a create racing a cancel of the same order.
CREATE TABLE order_lists (
    order_id         text PRIMARY KEY,
    shopping_list_id text UNIQUE,
    recorded_at      timestamptz NOT NULL DEFAULT now()
);

-- The read table of shopping lists, projected in the same transaction as
-- the list's events.
CREATE TABLE shopping_lists (
    shopping_list_id text    PRIMARY KEY,
    order_id         text    NOT NULL UNIQUE,
    status           text    NOT NULL,
    bot_id           text,
    list             jsonb   NOT NULL,
    version          integer NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shopping_lists_status ON shopping_lists (status, created_at);

CREATE TABLE bots (
    bot_id     text PRIMARY KEY,
    name       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
