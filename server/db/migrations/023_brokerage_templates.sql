-- Templates brand managers author in the editor: each publish of a design is a new version.
CREATE TABLE brokerage_templates (
  id text NOT NULL,
  version integer NOT NULL,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  source_design_id text REFERENCES designs(id) ON DELETE SET NULL,
  title text NOT NULL,
  kind text NOT NULL,
  design jsonb NOT NULL,
  thumbnail_svg text NOT NULL,
  status text NOT NULL CHECK (status IN ('published', 'retired')),
  published_by text REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);
CREATE INDEX brokerage_templates_brokerage_idx ON brokerage_templates (brokerage_id, id, version DESC);
CREATE INDEX brokerage_templates_source_idx ON brokerage_templates (source_design_id);
