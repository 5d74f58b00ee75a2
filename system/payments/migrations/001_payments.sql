-- Payments and invoices are stored as state; version counts the events each
-- has published, which carry it as their aggregate version.
CREATE TABLE payment (
    payment_id   text        PRIMARY KEY,
    customer_id  text        NOT NULL,
    amount_cents bigint      NOT NULL CHECK (amount_cents > 0),
    status       text        NOT NULL,
    order_id     text        NOT NULL DEFAULT '',
    version      integer     NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- order_id is unique: an order has one invoice, however often it is readied.
CREATE TABLE invoice (
    invoice_id   text        PRIMARY KEY,
    order_id     text        NOT NULL UNIQUE,
    customer_id  text        NOT NULL,
    payment_id   text        NOT NULL,
    amount_cents bigint      NOT NULL CHECK (amount_cents > 0),
    status       text        NOT NULL,
    version      integer     NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Orders cancelled, recorded whether or not they had an invoice yet, so
-- that an OrderReadied arriving later opens none.
CREATE TABLE order_cancellation (
    order_id     text        PRIMARY KEY,
    cancelled_at timestamptz NOT NULL DEFAULT now()
);
