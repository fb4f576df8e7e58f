import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, type Db } from '../db/index.js';
import { designRows, freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { GroupCommitter } from './group-commit.js';
import { DocumentStore } from './store.js';

/** A one-key Yjs update (what a room hands over is a merged update like this). */
function update(key: string, value: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

const tick = () => new Promise((r) => setImmediate(r));

describe('group commit on PostgreSQL', () => {
  let tdb: TestDatabase;
  let db: Db;
  let store: DocumentStore;
  const designs = Array.from({ length: 20 }, (_, i) => `gc-design-${i}`);

  beforeAll(async () => {
    tdb = await freshPostgres();
    db = await tdb.open();
    await migrate(db);
    store = new DocumentStore(db);
    const addDesign = await designRows(db, 'gc');
    for (const id of designs) await addDesign(id);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it('joins the writes of many designs into few statements, each design in order and intact, one row per update', async () => {
    const committer = new GroupCommitter(store, { windowMs: 30, maxInFlight: 2 });
    // Like rooms do: one write in flight per design, the next one after it commits.
    const seqs = await Promise.all(
      designs.map(async (id) => {
        const got: Array<number | null> = [];
        // Two updates per write: two log rows with consecutive seqs; the write resolves with the last.
        for (let k = 0; k < 5; k++) got.push(await committer.append(id, () => [update(`k${k}`, k), update(`k${k}b`, k + 10)]));
        return got;
      }),
    );
    for (const s of seqs) expect(s).toEqual([2, 4, 6, 8, 10]);
    // 100 writes; one statement per window (plus the first, which starts at once).
    expect(committer.statements).toBeLessThanOrEqual(12);
    for (const id of designs) {
      const stored = await store.load(id);
      expect(stored.updates.map((u) => u.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const doc = new Y.Doc();
      for (const u of stored.updates) Y.applyUpdate(doc, u.data);
      expect(doc.getMap('m').toJSON()).toEqual({ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, k0b: 10, k1b: 11, k2b: 12, k3b: 13, k4b: 14 });
    }
  });

  it('starts a lone write at once, and takes the bytes when the statement starts', async () => {
    const committer = new GroupCommitter(store, { windowMs: 60_000, maxInFlight: 1 });
    const first = committer.append(designs[0]!, () => [update('lone', 1)]);
    await tick();
    // Quiet before: no window to wait for.
    expect(committer.statements).toBe(1);
    const seq = await first;
    expect(seq).toBeGreaterThan(0);

    // Unknown design: null, not an error (the design was deleted under the room).
    const none = new GroupCommitter(store, { windowMs: 0, maxInFlight: 1 });
    expect(await none.append('gc-missing', () => [update('x', 1)])).toBeNull();

    // A write queued behind the window is taken when its statement starts: what the room got meanwhile is in it.
    let latest = 1;
    const late = new GroupCommitter(store, { windowMs: 50, maxInFlight: 1 });
    await late.append(designs[1]!, () => [update('late', 0)]); // opens the window
    const queued = late.append(designs[1]!, () => [update('late', latest)]);
    latest = 2;
    const lateSeq = await queued;
    const rows = await store.updatesAfter(designs[1]!, lateSeq! - 1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, rows[0]!.data);
    expect(doc.getMap('m').get('late')).toBe(2);
  });
});
