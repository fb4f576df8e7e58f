-- AI usage per brokerage (cost and budget) and a cache of answers keyed by input hash.
CREATE TABLE ai_usage (
  id bigserial PRIMARY KEY,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  task text NOT NULL,
  provider text NOT NULL,
  model text NOT NULL,
  input_tokens integer NOT NULL DEFAULT 0,
  output_tokens integer NOT NULL DEFAULT 0,
  cost_usd numeric(12, 6) NOT NULL DEFAULT 0,
  cached boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ai_usage_brokerage_idx ON ai_usage (brokerage_id, created_at);

CREATE TABLE ai_cache (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
