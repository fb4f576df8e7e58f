-- The state vector of each compacted snapshot, written with it: a cold load answers a client's
-- first sync from the stored bytes without decoding the snapshot (server/collab/rooms.ts).
-- NULL on snapshots written before; computed from the snapshot then.
ALTER TABLE design_snapshots ADD COLUMN state_vector bytea;
