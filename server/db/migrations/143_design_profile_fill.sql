-- What a design shows from its person (agent.* and office.* bindings) as last filled from their profile
-- and office: {bindings: {objectId: binding}, objects: {objectId: shown}}. A profile change offers to
-- update the objects that still show it; objects the person retyped are kept (shared/listing/profile-fill.ts).
ALTER TABLE designs ADD COLUMN profile_fill jsonb;
