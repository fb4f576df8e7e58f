/**
 * The design document's schema version and the steps that bring a stored document up to date.
 *
 * Every stored design is migrated as its room loads (server/collab/migrate-on-load.ts), in one transaction whose
 * update is logged and sent to everyone like any server-made change. A step must be idempotent:
 * two instances may load the same old document at once, and both their updates merge.
 * To change the model: add a step with the next version, a fixture of a document as the previous
 * version stored it (shared/design/test-support/, read by migrations.test.ts), and raise nothing
 * else: CURRENT_SCHEMA_VERSION follows.
 */
import * as Y from 'yjs';
import { keyBetween } from './fractional-index.js';
import { metaMap, objectsMap } from './ydoc.js';

export const SCHEMA_VERSION_KEY = 'schemaVersion';

interface MigrationStep {
  /** The version a document has after this step. */
  version: number;
  /** What changed, for the log. */
  description: string;
  up(doc: Y.Doc): void;
}

const STEPS: readonly MigrationStep[] = [
  {
    version: 1,
    description: 'objects without a stacking key get one above the rest, in id order (they were unreadable)',
    up(doc) {
      const objects = objectsMap(doc);
      let top: string | null = null;
      const unkeyed: string[] = [];
      objects.forEach((map, id) => {
        if (!(map instanceof Y.Map)) return;
        const z = map.get('z');
        if (typeof z === 'string' && z.length > 0) top = top === null || z > top ? z : top;
        else unkeyed.push(id);
      });
      for (const id of unkeyed.sort()) {
        top = keyBetween(top, null);
        objects.get(id)!.set('z', top);
      }
    },
  },
];

export const CURRENT_SCHEMA_VERSION = STEPS.at(-1)!.version;

/** The version a document says it has; a document from before versions existed is version 0. */
export function schemaVersionOf(doc: Y.Doc): number {
  const version = metaMap(doc).get(SCHEMA_VERSION_KEY);
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

/**
 * Marks a document as made by today's model (no migration will touch it): what a new design's
 * state carries (designToUpdate), and what a document built by hand, like a test fixture, needs.
 */
export function stampSchemaVersion(doc: Y.Doc): void {
  metaMap(doc).set(SCHEMA_VERSION_KEY, CURRENT_SCHEMA_VERSION);
}

/**
 * Brings `doc` to CURRENT_SCHEMA_VERSION in one transaction with `origin`; returns the versions
 * applied (empty, and nothing written, when it is current). A document from a newer release is
 * left as it is: this code cannot know what its steps were.
 */
export function migrateDesign(doc: Y.Doc, origin?: unknown): number[] {
  const from = schemaVersionOf(doc);
  if (from >= CURRENT_SCHEMA_VERSION) return [];
  const pending = STEPS.filter((step) => step.version > from);
  doc.transact(() => {
    for (const step of pending) step.up(doc);
    metaMap(doc).set(SCHEMA_VERSION_KEY, CURRENT_SCHEMA_VERSION);
  }, origin);
  return pending.map((step) => step.version);
}

/** The steps, for the log and for tests. */
export function migrationSteps(): readonly Pick<MigrationStep, 'version' | 'description'>[] {
  return STEPS.map(({ version, description }) => ({ version, description }));
}
