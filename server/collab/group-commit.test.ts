import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, type Db } from '../db/index.js';
import { designRows, freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { GroupCommitter, type CommitWriter } from './group-commit.js';
import { DocumentStore } from './store.js';

/** A one-key Yjs update (what a room hands over is a merged update like this). */
function update(key: string, value: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

const tick = () => new Promise((r) => setImmediate(r));

/**
 * A writer that behaves like a room: `writes` are handed over one at a time, the next
 * queued when the previous one is committed; a failed write is queued again unchanged.
 */
function writer(committer: GroupCommitter, designId: string, writes: Array<() => Uint8Array[]>) {
  const seqs: Array<number | null> = [];
  const errors: unknown[] = [];
  let taken: Uint8Array[] | null = null;
  let takes = 0;
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  const w: CommitWriter = {
    designId,
    takeWrite() {
      takes++;
      taken ??= writes.shift()!();
      return taken;
    },
    writeCommitted(seq) {
      taken = null;
      seqs.push(seq);
      if (writes.length > 0) committer.enqueue(w);
      else resolveDone();
    },
    writeFailed(err) {
      errors.push(err);
      if (errors.length < 3) setImmediate(() => committer.enqueue(w));
      else resolveDone();
    },
  };
  return { w, seqs, errors, done, takes: () => takes, start: () => committer.enqueue(w) };
}

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
    // Two updates per write: two log rows with consecutive seqs; the write is told the last.
    const writers = designs.map((id) =>
      writer(
        committer,
        id,
        Array.from({ length: 5 }, (_, k) => () => [update(`k${k}`, k), update(`k${k}b`, k + 10)]),
      ),
    );
    for (const w of writers) w.start();
    await Promise.all(writers.map((w) => w.done));
    for (const w of writers) expect(w.seqs).toEqual([2, 4, 6, 8, 10]);
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
    const first = writer(committer, designs[0]!, [() => [update('lone', 1)]]);
    first.start();
    await tick();
    // Quiet before: no window to wait for.
    expect(committer.statements).toBe(1);
    await first.done;
    expect(first.seqs[0]).toBeGreaterThan(0);

    // Unknown design: null, not an error (the design was deleted under the room).
    const none = writer(new GroupCommitter(store, { windowMs: 0, maxInFlight: 1 }), 'gc-missing', [() => [update('x', 1)]]);
    none.start();
    await none.done;
    expect(none.seqs).toEqual([null]);

    // A write queued behind the window is taken when its statement starts: what the room got meanwhile is in it.
    let latest = 1;
    const late = new GroupCommitter(store, { windowMs: 50, maxInFlight: 1 });
    const w = writer(late, designs[1]!, [() => [update('late', 0)], () => [update('late', latest)]]);
    w.start(); // the first write opens the window; the second is queued behind it
    await tick();
    latest = 2;
    await w.done;
    const rows = await store.updatesAfter(designs[1]!, w.seqs[1]! - 1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, rows[0]!.data);
    expect(doc.getMap('m').get('late')).toBe(2);
  });

  it('one failing entry does not hold the others back, and is retried unchanged', async () => {
    // The joint statement fails once; each entry is then written on its own, and one design's write fails once more.
    let failJoint = true;
    let failOne = 1;
    const flaky: Pick<DocumentStore, 'append' | 'appendMany'> = {
      appendMany: (entries) => {
        if (failJoint && entries.length > 1) {
          failJoint = false;
          return Promise.reject(new Error('joint statement failed'));
        }
        return store.appendMany(entries);
      },
      append: (designId, updates) => {
        if (designId === designs[3] && failOne-- > 0) return Promise.reject(new Error('bad entry'));
        return store.append(designId, updates);
      },
    };
    const committer = new GroupCommitter(flaky, { windowMs: 0, maxInFlight: 1 });
    const before = await Promise.all([designs[2]!, designs[3]!].map(async (id) => (await store.load(id)).updates.length));
    const good = writer(committer, designs[2]!, [() => [update('good', 1)]]);
    const bad = writer(committer, designs[3]!, [() => [update('bad', 1)]]);
    good.start();
    bad.start();
    await Promise.all([good.done, bad.done]);
    expect(good.errors).toEqual([]);
    expect(good.seqs).toHaveLength(1);
    expect(bad.errors.map((e) => (e as Error).message)).toEqual(['bad entry']);
    expect(bad.seqs).toHaveLength(1);
    // The retry took the same write again (one take per attempt), and it was logged once.
    expect(bad.takes()).toBe(2);
    const after = await Promise.all([designs[2]!, designs[3]!].map(async (id) => (await store.load(id)).updates.length));
    expect(after).toEqual([before[0]! + 1, before[1]! + 1]);
  });

  it('a writer whose write cannot be taken is told so; the others go on', async () => {
    const committer = new GroupCommitter(store, { windowMs: 0, maxInFlight: 1 });
    const broken = writer(committer, designs[4]!, [
      () => {
        throw new Error('cannot take');
      },
    ]);
    const fine = writer(committer, designs[5]!, [() => [update('fine', 1)]]);
    broken.start();
    fine.start();
    await Promise.all([fine.done, broken.done]);
    expect(fine.seqs[0]).toBeGreaterThan(0);
    expect((broken.errors[0] as Error).message).toBe('cannot take');
  });
});
