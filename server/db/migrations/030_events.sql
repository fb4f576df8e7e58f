-- Event backbone: the transactional outbox, consumer bookkeeping, dead letters.

-- Every domain event, written in the same transaction as the change it describes.
-- (txid, seq) orders delivery: rows are read only once every transaction with a
-- smaller txid has finished, so a cursor over (txid, seq) never skips a late commit.
CREATE TABLE event_outbox (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  type text NOT NULL,
  version integer NOT NULL,
  brokerage_id text NOT NULL,
  actor_id text,
  occurred_at timestamptz NOT NULL,
  payload jsonb NOT NULL,
  txid bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  -- Redis relay: when this row was last added to the stream (null: not yet, or again after a Redis data loss).
  relayed_at timestamptz
);
CREATE INDEX event_outbox_cursor_idx ON event_outbox (txid, seq);
CREATE INDEX event_outbox_unrelayed_idx ON event_outbox (seq) WHERE relayed_at IS NULL;
CREATE INDEX event_outbox_occurred_idx ON event_outbox (occurred_at);
CREATE INDEX event_outbox_brokerage_idx ON event_outbox (brokerage_id, occurred_at DESC);

-- Consumer groups ever started (a Redis data loss re-relays what any of them has not processed).
CREATE TABLE event_consumer_groups (
  group_name text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Idempotency: one row per (group, event) whose effect is committed, written in the effect's transaction.
CREATE TABLE event_processed (
  group_name text NOT NULL,
  event_id uuid NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_name, event_id)
);

-- In-process transport: each group's position in the outbox and who holds its lease.
CREATE TABLE event_consumer_offsets (
  group_name text PRIMARY KEY,
  last_txid bigint NOT NULL DEFAULT 0,
  last_seq bigint NOT NULL DEFAULT 0,
  lease_owner text,
  lease_until timestamptz
);

-- In-process transport: failed deliveries waiting for their next attempt.
CREATE TABLE event_retries (
  group_name text NOT NULL,
  event_id uuid NOT NULL,
  attempts integer NOT NULL,
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  PRIMARY KEY (group_name, event_id)
);
CREATE INDEX event_retries_due_idx ON event_retries (group_name, next_attempt_at);

-- Deliveries that failed too often (both transports; Redis also keeps a dead-letter stream).
CREATE TABLE event_dead_letters (
  id bigserial PRIMARY KEY,
  group_name text NOT NULL,
  event_id uuid NOT NULL,
  event_type text NOT NULL,
  brokerage_id text NOT NULL,
  attempts integer NOT NULL,
  last_error text,
  dead_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (group_name, event_id)
);

-- Relay state shared by instances (e.g. the epoch marker of the Redis data we relayed to).
CREATE TABLE event_relay_state (
  key text PRIMARY KEY,
  value text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE event_outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON event_outbox USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));
