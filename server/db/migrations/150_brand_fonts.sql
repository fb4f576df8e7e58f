-- Fonts a brand manager uploads in /brand-kit (TTF, OTF or WOFF2): drawn like the kit's built-in
-- families, for this brokerage only. The bytes live in the row so every instance renders with them.
CREATE TABLE brand_fonts (
  id text PRIMARY KEY,
  brokerage_id text NOT NULL REFERENCES brokerages(id) ON DELETE CASCADE,
  family text NOT NULL,
  weight integer NOT NULL,
  style text NOT NULL CHECK (style IN ('normal', 'italic')),
  format text NOT NULL CHECK (format IN ('ttf', 'otf', 'woff2')),
  bytes bytea NOT NULL,
  sha256 text NOT NULL,
  created_by text REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (brokerage_id, family, weight, style)
);
CREATE INDEX brand_fonts_brokerage_idx ON brand_fonts (brokerage_id);
ALTER TABLE brand_fonts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON brand_fonts USING (brokerage_id = current_setting('app.brokerage_id', true)) WITH CHECK (brokerage_id = current_setting('app.brokerage_id', true));
