CREATE TABLE store_view (
    store_id      text PRIMARY KEY,
    name          text    NOT NULL,
    location      text    NOT NULL,
    participating boolean NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE product_view (
    product_id  text PRIMARY KEY,
    store_id    text    NOT NULL REFERENCES store_view (store_id),
    name        text    NOT NULL,
    description text    NOT NULL,
    sku         text    NOT NULL,
    price_cents bigint  NOT NULL,
    removed     boolean NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_view_store ON product_view (store_id);
