-- Tenants, people, sessions.
CREATE TABLE brokerages (
  id text PRIMARY KEY,
  name text NOT NULL,
  brand_kit jsonb NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('agent', 'brand_manager', 'admin')),
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  profile jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_brokerage_idx ON users (brokerage_id);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Designs: the row holds the listing metadata; the content is the Yjs update log plus a snapshot.
CREATE TABLE designs (
  id text PRIMARY KEY,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  owner_id text NOT NULL REFERENCES users(id),
  title text NOT NULL,
  kind text NOT NULL,
  template_id text,
  template_version integer,
  status text NOT NULL DEFAULT 'draft',
  update_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX designs_brokerage_idx ON designs (brokerage_id, updated_at DESC);
CREATE INDEX designs_owner_idx ON designs (owner_id, updated_at DESC);

-- Append-only log; seq is per design, allocated from designs.update_seq in the same statement.
CREATE TABLE design_updates (
  design_id text NOT NULL REFERENCES designs(id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  data bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (design_id, seq)
);

-- The compacted state of every update up to and including seq.
CREATE TABLE design_snapshots (
  design_id text PRIMARY KEY REFERENCES designs(id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  data bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE assets (
  id text PRIMARY KEY,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  owner_id text NOT NULL REFERENCES users(id),
  mime text NOT NULL,
  size integer NOT NULL,
  width integer NOT NULL,
  height integer NOT NULL,
  sha256 text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assets_brokerage_idx ON assets (brokerage_id);

-- Instance-wide settings (e.g. the token signing secret shared by every instance).
CREATE TABLE app_settings (
  key text PRIMARY KEY,
  value text NOT NULL
);
