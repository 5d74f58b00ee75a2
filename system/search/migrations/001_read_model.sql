-- The search read model (CQRS), projected from other contexts' events.
-- Names are joined at query time, so a rebranded store or product or a
-- renamed customer shows its new name in every existing order at once; an
-- order line keeps the names its order event carried, shown while search has
-- not heard of the store or product yet.
--
-- version is the aggregate version of the event that last wrote a row: an
-- older or equal one is ignored, so out-of-order delivery never regresses a
-- row. There are no foreign keys between orders and names: events of
-- different contexts arrive in any order.
CREATE TABLE orders (
    order_id      text        PRIMARY KEY,
    customer_id   text        NOT NULL,
    status        text        NOT NULL,
    total_cents   bigint      NOT NULL,
    version       integer     NOT NULL,
    -- The OrderCreated's occurredAt once that event was seen (created_known);
    -- until then the occurredAt of the first event seen of the order.
    created_at    timestamptz NOT NULL,
    created_known boolean     NOT NULL,
    -- The occurredAt of the event that wrote version.
    updated_at    timestamptz NOT NULL
);
CREATE INDEX orders_newest ON orders (created_at DESC, order_id DESC);
CREATE INDEX orders_by_customer ON orders (customer_id, created_at DESC);
CREATE INDEX orders_by_status ON orders (status, created_at DESC);

-- The lines of the order version in orders, replaced as a whole with it.
CREATE TABLE order_items (
    order_id     text    NOT NULL REFERENCES orders ON DELETE CASCADE,
    position     integer NOT NULL,
    product_id   text    NOT NULL,
    product_name text    NOT NULL,
    store_id     text    NOT NULL,
    store_name   text    NOT NULL,
    price_cents  bigint  NOT NULL,
    quantity     integer NOT NULL,
    PRIMARY KEY (order_id, position)
);
CREATE INDEX order_items_by_store ON order_items (store_id, order_id);

CREATE TABLE customers (
    customer_id text    PRIMARY KEY,
    name        text    NOT NULL,
    version     integer NOT NULL
);

CREATE TABLE stores (
    store_id text    PRIMARY KEY,
    name     text    NOT NULL,
    version  integer NOT NULL
);

CREATE TABLE products (
    product_id text    PRIMARY KEY,
    store_id   text    NOT NULL,
    name       text    NOT NULL,
    version    integer NOT NULL
);
