-- Tenant isolation in depth for the listing tables, the same policy as 004_tenant_rls.sql
-- (owners bypass it; transactions that SET LOCAL ROLE realbrand_app see only app.brokerage_id's rows).
ALTER TABLE listings ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON listings USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));

ALTER TABLE listing_changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON listing_changes USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));

ALTER TABLE listing_sync_configs ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON listing_sync_configs USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));

ALTER TABLE listing_jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON listing_jobs USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));
