-- Listings imported from RESO feeds (upload or Web API pull), one row per ListingKey per brokerage.
CREATE TABLE listings (
  id text PRIMARY KEY,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  listing_key text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  status text,
  list_price double precision,
  address text NOT NULL DEFAULT '',
  data jsonb NOT NULL,
  raw jsonb NOT NULL,
  source text NOT NULL DEFAULT 'upload',
  modification_timestamp timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (brokerage_id, listing_key)
);
CREATE INDEX listings_brokerage_idx ON listings (brokerage_id, updated_at DESC);

-- Change history: one row per version whose normalised data changed (price drops, status changes).
CREATE TABLE listing_changes (
  id bigserial PRIMARY KEY,
  listing_id text NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  version integer NOT NULL,
  changes jsonb NOT NULL,
  data jsonb NOT NULL,
  source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX listing_changes_listing_idx ON listing_changes (listing_id, version DESC);

-- Designs made from a listing: which listing, and what the last merge put in (for change detection).
ALTER TABLE designs ADD COLUMN listing_id text REFERENCES listings(id);
ALTER TABLE designs ADD COLUMN listing_merge jsonb;
CREATE INDEX designs_listing_idx ON designs (listing_id) WHERE listing_id IS NOT NULL;

-- RESO Web API pull, per brokerage. The client secret is stored as given (see server/listings/README.md).
CREATE TABLE listing_sync_configs (
  brokerage_id text PRIMARY KEY REFERENCES brokerages(id),
  endpoint text NOT NULL,
  token_url text NOT NULL,
  client_id text NOT NULL,
  client_secret text NOT NULL,
  scope text,
  interval_minutes integer NOT NULL DEFAULT 60,
  enabled boolean NOT NULL DEFAULT true,
  cursor_timestamp timestamptz,
  next_run_at timestamptz NOT NULL DEFAULT now(),
  running_since timestamptz,
  last_run_at timestamptz,
  last_success_at timestamptz,
  last_status text NOT NULL DEFAULT 'never',
  last_error text,
  last_imported integer NOT NULL DEFAULT 0,
  last_errors jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Bulk generation jobs (one template x many listings).
CREATE TABLE listing_jobs (
  id text PRIMARY KEY,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  user_id text NOT NULL REFERENCES users(id),
  template_id text NOT NULL,
  listing_ids jsonb NOT NULL,
  status text NOT NULL DEFAULT 'queued',
  total integer NOT NULL,
  done integer NOT NULL DEFAULT 0,
  design_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
  errors jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX listing_jobs_brokerage_idx ON listing_jobs (brokerage_id, created_at DESC);
