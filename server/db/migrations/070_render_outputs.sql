-- Shared design thumbnails: the first page drawn by the server's renderer after edits settle,
-- shown to everyone (designs list, review queue, listings) instead of per-browser copies.
CREATE TABLE design_thumbnails (
  design_id text PRIMARY KEY REFERENCES designs(id) ON DELETE CASCADE,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  png bytea NOT NULL,
  etag text NOT NULL,
  seq bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX design_thumbnails_brokerage ON design_thumbnails (brokerage_id);

-- Images published for email signatures: served without a log-in at /p/i/<token> (a 256-bit
-- random token), long-lived, so recipients' mail clients can load them.
CREATE TABLE public_images (
  token text PRIMARY KEY,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  src text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (brokerage_id, src)
);

ALTER TABLE design_thumbnails ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON design_thumbnails USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));
ALTER TABLE public_images ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON public_images USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON design_thumbnails, public_images TO realbrand_app;
