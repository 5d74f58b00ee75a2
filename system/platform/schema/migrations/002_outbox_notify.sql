-- Wake the relays of this schema when a transaction that wrote to the
-- outbox commits: a statement-level trigger instead of a pg_notify call
-- from every writer saves a round trip per transaction. Notifications of
-- one transaction are folded into one at commit.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_' || TG_TABLE_SCHEMA, '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
