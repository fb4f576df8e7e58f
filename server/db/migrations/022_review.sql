-- Review rounds: every submit and decision, with who, when and the scores at the time.
CREATE TABLE design_reviews (
  id text PRIMARY KEY,
  design_id text NOT NULL REFERENCES designs(id) ON DELETE CASCADE,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  action text NOT NULL CHECK (action IN ('submitted', 'approved', 'changes_requested', 'reopened')),
  actor_id text NOT NULL REFERENCES users(id),
  comment text,
  brand_score integer,
  compliance_score integer,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX design_reviews_design_idx ON design_reviews (design_id, created_at);
CREATE INDEX design_reviews_brokerage_idx ON design_reviews (brokerage_id, created_at);

-- Comments pinned to an object (offset from its top-left) or to a point on the page; threaded.
CREATE TABLE comments (
  id text PRIMARY KEY,
  design_id text NOT NULL REFERENCES designs(id) ON DELETE CASCADE,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  parent_id text REFERENCES comments(id) ON DELETE CASCADE,
  author_id text NOT NULL REFERENCES users(id),
  body text NOT NULL,
  object_id text,
  x double precision,
  y double precision,
  mentions text[] NOT NULL DEFAULT '{}',
  resolved_at timestamptz,
  resolved_by text REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comments_design_idx ON comments (design_id, created_at);

-- The in-app inbox.
CREATE TABLE notifications (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  kind text NOT NULL,
  design_id text REFERENCES designs(id) ON DELETE CASCADE,
  title text NOT NULL,
  body text,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);

-- Version history: full Yjs state at a point, with who changed what since the previous version.
CREATE TABLE design_versions (
  id text PRIMARY KEY,
  design_id text NOT NULL REFERENCES designs(id) ON DELETE CASCADE,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  kind text NOT NULL CHECK (kind IN ('auto', 'named', 'submit', 'approval', 'restore')),
  name text,
  state bytea NOT NULL,
  changes jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by text REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX design_versions_design_idx ON design_versions (design_id, created_at DESC);
