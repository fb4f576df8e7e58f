-- Someone of the brokerage asks a design's owner for access (server/auth/access-requests.ts).
CREATE TABLE access_requests (
  id text PRIMARY KEY,
  brokerage_id text NOT NULL REFERENCES brokerages(id) ON DELETE CASCADE,
  design_id text NOT NULL REFERENCES designs(id) ON DELETE CASCADE,
  requester_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  access text NOT NULL CHECK (access IN ('view', 'edit')),
  message text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'granted')),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  decided_by text REFERENCES users(id) ON DELETE SET NULL
);
-- One open request per person and design (asking again updates it).
CREATE UNIQUE INDEX access_requests_pending_idx ON access_requests (design_id, requester_id) WHERE status = 'pending';

ALTER TABLE access_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON access_requests USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));
