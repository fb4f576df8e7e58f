-- When a design's review status last changed (set by the server process that changed it), so an
-- edit made before an approval and checked a moment later does not revoke it.
ALTER TABLE designs ADD COLUMN status_changed_at timestamptz;
