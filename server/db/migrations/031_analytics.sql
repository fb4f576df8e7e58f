-- Analytics projection: daily per-brokerage counters built by consuming events (rebuildable by replay).
-- metric names a measure, dim narrows it (a design kind, a rule id, an agent id, an export format; '' for none);
-- n counts occurrences and total sums a value (score points, turnaround ms) for averages.
CREATE TABLE analytics_daily (
  brokerage_id text NOT NULL,
  day date NOT NULL,
  metric text NOT NULL,
  dim text NOT NULL DEFAULT '',
  n bigint NOT NULL DEFAULT 0,
  total double precision NOT NULL DEFAULT 0,
  PRIMARY KEY (brokerage_id, day, metric, dim)
);
CREATE INDEX analytics_daily_day_idx ON analytics_daily (day);

ALTER TABLE analytics_daily ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON analytics_daily USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));
