-- Brokerage-wide compliance scans: progress and the resulting report.
CREATE TABLE scan_jobs (
  id text PRIMARY KEY,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  requested_by text NOT NULL REFERENCES users(id),
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  total integer NOT NULL DEFAULT 0,
  done integer NOT NULL DEFAULT 0,
  report jsonb NOT NULL DEFAULT '[]'::jsonb,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX scan_jobs_brokerage_idx ON scan_jobs (brokerage_id, created_at DESC);
