-- Single sign-on with OpenID Connect, per brokerage (server/auth/sso.ts).

-- A brokerage's OpenID provider. client_secret is sealed (server/secrets: AES-256-GCM, key outside the database).
-- role_groups: {"admin": [group, ...], "brand_manager": [...], "agent": [...]} (an IdP group claim → our role).
CREATE TABLE sso_connections (
  brokerage_id text PRIMARY KEY REFERENCES brokerages(id) ON DELETE CASCADE,
  issuer text NOT NULL,
  client_id text NOT NULL,
  client_secret text NOT NULL,
  groups_claim text NOT NULL DEFAULT 'groups',
  role_groups jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Passwords are refused for the brokerage's people, except the break-glass admin's.
  enforced boolean NOT NULL DEFAULT false,
  break_glass_user_id text REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Email domains whose people sign in through a brokerage's provider ("Sign in with SSO" by email); one brokerage per domain.
CREATE TABLE sso_domains (
  domain text PRIMARY KEY,
  brokerage_id text NOT NULL REFERENCES brokerages(id) ON DELETE CASCADE
);
CREATE INDEX sso_domains_brokerage_idx ON sso_domains (brokerage_id);

-- Who an IdP account is here: (issuer, subject) → person, linked on first sign-in.
CREATE TABLE sso_identities (
  issuer text NOT NULL,
  subject text NOT NULL,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  brokerage_id text NOT NULL REFERENCES brokerages(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX sso_identities_user_idx ON sso_identities (user_id);

-- Sign-ins under way (authorization code + PKCE): single use, short-lived, shared by every instance.
-- Keyed by the hash of `state`, browser_hash binds it to the browser that started it (cookie).
CREATE TABLE sso_logins (
  state_hash text PRIMARY KEY,
  browser_hash text NOT NULL,
  brokerage_id text NOT NULL REFERENCES brokerages(id) ON DELETE CASCADE,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  next_path text,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sso_logins_expiry_idx ON sso_logins (expires_at);

ALTER TABLE sso_connections ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sso_connections USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));
ALTER TABLE sso_identities ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sso_identities USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));
