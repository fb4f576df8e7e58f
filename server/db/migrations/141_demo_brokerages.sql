-- Demo brokerages (seeded with a published password) can be switched off on a real deployment:
-- `demo` marks the seeded ones, `switched_off_at` set means nobody signs in to it and operator
-- listings leave it out; its data stays (switching it on again restores it as it was).
ALTER TABLE brokerages ADD COLUMN demo boolean NOT NULL DEFAULT false;
ALTER TABLE brokerages ADD COLUMN switched_off_at timestamptz;
-- Databases seeded before this column: the demo brokerages are the ones whose people have the demo addresses.
UPDATE brokerages SET demo = true
 WHERE id IN (SELECT brokerage_id FROM users WHERE email LIKE '%@demo.realbrand.test' OR email LIKE '%@rival.realbrand.test');
