-- Offices of a brokerage: each has its own address, phone and license numbers (per state), which
-- templates bind as office.* like they bind the agent's; a person belongs to at most one office.
CREATE TABLE offices (
  id text PRIMARY KEY,
  brokerage_id text NOT NULL REFERENCES brokerages(id) ON DELETE CASCADE,
  name text NOT NULL,
  street text NOT NULL DEFAULT '',
  city text NOT NULL DEFAULT '',
  state text NOT NULL DEFAULT '',
  postal_code text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  -- [{state, number}]
  licenses jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (brokerage_id, name)
);
CREATE INDEX offices_brokerage_idx ON offices (brokerage_id);
ALTER TABLE offices ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON offices USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));

ALTER TABLE users ADD COLUMN office_id text REFERENCES offices(id) ON DELETE SET NULL;
