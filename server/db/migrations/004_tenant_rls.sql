-- Tenant isolation in depth: row-level security keyed by a per-transaction setting.
--
-- The app's own connection owns these tables, and owners (and superusers) bypass
-- RLS, so tenant-scoped transactions switch to the non-owner role realbrand_app
-- (SET LOCAL ROLE) after set_config('app.brokerage_id', <id>, true). Inside such
-- a transaction a query that forgets its brokerage filter still sees only that
-- brokerage's rows; without the setting it sees nothing. See server/db/tenant.ts.
-- Roles are cluster-wide: another database on the same server may have made it already.
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'realbrand_app') THEN CREATE ROLE realbrand_app NOLOGIN; END IF; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN EXECUTE format('GRANT realbrand_app TO %I', current_user); EXCEPTION WHEN others THEN NULL; END $$;
GRANT USAGE ON SCHEMA public TO realbrand_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO realbrand_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO realbrand_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO realbrand_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO realbrand_app;

ALTER TABLE brokerages ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON brokerages USING (id = current_setting('app.brokerage_id', true)) WITH CHECK (id = current_setting('app.brokerage_id', true));

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON users USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));

ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sessions USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));

ALTER TABLE refresh_tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON refresh_tokens USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));

ALTER TABLE designs ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON designs USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));

ALTER TABLE design_updates ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON design_updates USING (EXISTS (SELECT 1 FROM designs d WHERE d.id = design_id));

ALTER TABLE design_snapshots ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON design_snapshots USING (EXISTS (SELECT 1 FROM designs d WHERE d.id = design_id));

ALTER TABLE design_scores ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON design_scores USING (EXISTS (SELECT 1 FROM designs d WHERE d.id = design_id));

ALTER TABLE design_shares ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON design_shares USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));

ALTER TABLE assets ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON assets USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));

ALTER TABLE invites ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invites USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_log USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));
