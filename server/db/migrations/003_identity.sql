-- Identity: refresh tokens, invitations, shares, audit, log-in attempts, two-factor.

-- A session is one refresh-token family; each refresh token is used once and replaced.
ALTER TABLE sessions ADD COLUMN last_used_at timestamptz;
ALTER TABLE sessions ADD COLUMN revoked_reason text;

CREATE TABLE refresh_tokens (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  replaced_by text
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

-- Invitations: the token is shown once; only its hash is stored.
CREATE TABLE invites (
  id text PRIMARY KEY,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('agent', 'brand_manager', 'admin')),
  token_hash text NOT NULL UNIQUE,
  invited_by text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_user_id text REFERENCES users(id),
  revoked_at timestamptz
);
CREATE INDEX invites_brokerage_idx ON invites (brokerage_id, created_at DESC);

-- A design shared with one person of the same brokerage.
CREATE TABLE design_shares (
  design_id text NOT NULL REFERENCES designs(id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  brokerage_id text NOT NULL REFERENCES brokerages(id),
  access text NOT NULL CHECK (access IN ('view', 'edit')),
  shared_by text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (design_id, user_id)
);
CREATE INDEX design_shares_user_idx ON design_shares (user_id);

-- Who did what, when, from where. brokerage_id is null only for events with no tenant (unknown account).
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  brokerage_id text REFERENCES brokerages(id),
  actor_id text,
  actor_email text,
  action text NOT NULL,
  target_type text,
  target_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip text,
  user_agent text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_brokerage_idx ON audit_log (brokerage_id, at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (brokerage_id, action, at DESC);

-- Failed log-ins, for rate limiting by account and by address (shared by every instance).
CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  ip text NOT NULL,
  ok boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_email_idx ON login_attempts (email, at DESC);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, at DESC);

-- Optional TOTP second factor: secret pending until confirmed with a code.
ALTER TABLE users ADD COLUMN totp_secret text;
ALTER TABLE users ADD COLUMN totp_pending_secret text;
ALTER TABLE users ADD COLUMN totp_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN totp_last_step bigint;
ALTER TABLE users ADD COLUMN password_changed_at timestamptz;

CREATE TABLE recovery_codes (
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);
