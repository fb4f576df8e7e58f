/**
 * Every stored design is brought to the current schema version as its room loads
 * (shared/design/migrations.ts), before anyone joins and before any other extension reads it.
 * The migration is a server edit: logged and sent to peers like any other, so the next load
 * finds the document current and writes nothing. Steps are idempotent: two instances loading
 * the same old document at once both migrate it, and their updates merge.
 */
import { migrateDesign, schemaVersionOf } from '../../shared/index.js';
import type { RoomExtension } from './extensions.js';
import { SERVER } from './room.js';

export const MIGRATION_PRIORITY = 10_000;

/** A document with nothing stored (no page settings, no objects) has nothing to migrate. */
function isEmpty(room: Parameters<NonNullable<RoomExtension['onLoad']>>[0]['room']): boolean {
  return room.doc.share.size === 0 || [...room.doc.share.values()].every((type) => type._start === null && type._map.size === 0);
}

export function migrateOnLoad(onMigrated?: (m: { designId: string; from: number; applied: number[] }) => void): RoomExtension {
  return {
    name: 'schema-migration',
    priority: MIGRATION_PRIORITY,
    onLoad: ({ room }) => {
      if (isEmpty(room)) return;
      const from = schemaVersionOf(room.doc);
      const applied = migrateDesign(room.doc, SERVER);
      if (applied.length) onMigrated?.({ designId: room.designId, from, applied });
    },
  };
}
