-- Wake-ups for the poll loops: a statement that adds outbox events or webhook
-- deliveries notifies on commit (Postgres folds repeats within a transaction into one).
-- The loops still poll as a safety net, but seldom when idle: before this, two event groups
-- and the webhook dispatcher asked an empty database ~10 times a second.
CREATE OR REPLACE FUNCTION rb_notify_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('rb_events', '');
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION rb_notify_webhooks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('rb_webhooks', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER event_outbox_notify AFTER INSERT ON event_outbox FOR EACH STATEMENT EXECUTE FUNCTION rb_notify_events();
CREATE TRIGGER webhook_deliveries_notify AFTER INSERT ON webhook_deliveries FOR EACH STATEMENT EXECUTE FUNCTION rb_notify_webhooks();
