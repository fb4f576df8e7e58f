-- Score history: one row each time a design's scores or findings change.
CREATE TABLE design_scores (
  id bigserial PRIMARY KEY,
  design_id text NOT NULL REFERENCES designs(id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  brand integer NOT NULL,
  compliance integer NOT NULL,
  blocks_approval boolean NOT NULL,
  findings jsonb NOT NULL,
  digest text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX design_scores_recent_idx ON design_scores (design_id, created_at DESC);
