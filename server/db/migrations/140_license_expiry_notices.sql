-- License-expiry notices sent: one row per license (person, state, number) and expiry date. The daily
-- check inserts the row and the inbox notification in one transaction and sends only when its insert
-- made the row, so a person hears once per license per expiry window, however often the check runs and
-- on however many instances (a renewed license has a new date: a new window).
CREATE TABLE license_expiry_notices (
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  brokerage_id text NOT NULL REFERENCES brokerages(id) ON DELETE CASCADE,
  state text NOT NULL,
  license_number text NOT NULL,
  expires_on date NOT NULL,
  -- The inbox notification it made (notifications.id).
  notification_id text,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, state, license_number, expires_on)
);
CREATE INDEX license_expiry_notices_brokerage_idx ON license_expiry_notices (brokerage_id);

ALTER TABLE license_expiry_notices ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON license_expiry_notices USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));
