-- The order read model, projected in the transaction of each order event.
-- basket_id is unique: one checkout makes one order, whatever is redelivered.
CREATE TABLE order_view (
    order_id    text        PRIMARY KEY,
    basket_id   text        NOT NULL UNIQUE,
    customer_id text        NOT NULL,
    status      text        NOT NULL,
    state       jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_view_customer ON order_view (customer_id, created_at);

-- Shopping lists the bots completed while their order was still pending
-- (the saga approves the order after making the list available); the order
-- is readied as soon as it is approved.
CREATE TABLE parked_completion (
    order_id         text        PRIMARY KEY,
    shopping_list_id text        NOT NULL,
    parked_at        timestamptz NOT NULL DEFAULT now()
);
