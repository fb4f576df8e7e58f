/**
 * Persistence contract, run against both databases the server supports:
 * restarts, crashes, compaction and graceful stop keep every design intact.
 * Real servers only: in-process apps for restarts, `server/main.ts` child
 * processes for SIGKILL / SIGTERM.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, metaMap, objectsMap } from '../../shared/index.js';
import type { Db } from '../db/index.js';
import { stockClient, synced, type StockClient } from '../test-support/clients.js';
import { freshPglite, freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { contentOf, converged, createDesign, designRowCounts, docFromStore, editableIds, spiedStockClient } from '../test-support/docs.js';
import { startServerProcess, stopAllProcesses, type ServerProcess } from '../test-support/processes.js';
import { login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';
import { DocumentStore } from './store.js';

const COMPACT_THRESHOLD = 20;
const AGENT2 = 'agent2@demo.realbrand.test';

const backends = [
  { name: 'PostgreSQL', fresh: freshPostgres },
  { name: 'PGlite', fresh: freshPglite },
];

describe.each(backends)('persistence on $name', ({ fresh }) => persistenceContract(fresh));

function persistenceContract(fresh: () => Promise<TestDatabase>): void {
  let database: TestDatabase;
  /** The test process's own handle; for PGlite it is closed while a child process owns the data directory. */
  let db: Db | null = null;
  const servers: TestServer[] = [];
  const clients: StockClient[] = [];
  let agent: string;
  let agent2: string;

  const openDb = async (): Promise<Db> => (db ??= await database.open());
  /** PGlite allows one process per data directory: let go of it before a child process starts. */
  const releaseDbForChild = async () => {
    if (database.kind === 'pglite' && db) {
      await db.close();
      db = null;
    }
  };
  const childEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
    ...(database.kind === 'pg' ? { DATABASE_URL: database.url! } : { DATA_DIR: database.dir!, EMBEDDED_DB: 'pglite' }),
    ROOM_IDLE_MS: '60000',
    ...extra,
  });
  const inProcess = async (env: Record<string, string> = {}) => {
    const s = await startTestServer(env, { db: await openDb() });
    servers.push(s);
    return s;
  };
  const client = (wsUrl: string, designId: string, token = agent) => {
    const c = stockClient(wsUrl, designId, token);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    database = await fresh();
    const s = await inProcess(); // migrates and seeds
    [agent, agent2] = await Promise.all([login(s.url, 'agent@demo.realbrand.test'), login(s.url, AGENT2)]);
    await s.close();
  }, 180_000); // a fresh PGlite runs initdb, and the demo seed hashes passwords: slow on a busy machine

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await stopAllProcesses();
    for (const s of servers) await s.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
    await database?.drop();
  });

  /** Concurrent edits of every kind the model has: properties, new objects, a deletion, meta. */
  function editTogether(a: Y.Doc, b: Y.Doc, tag: string): void {
    const ids = editableIds(a);
    const [first, second, third] = ids as [string, string, string];
    objectsMap(a).get(first)!.set('x', 101);
    objectsMap(b).get(first)!.set('y', 202);
    objectsMap(b).get(second)!.set('text', `edited by b ${tag}`);
    a.transact(() => {
      const shape = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ type: 'rect', x: 5, y: 6, width: 70, height: 80, angle: 0, z: 'a9', fill: '#123456' }))
        shape.set(k, v);
      objectsMap(a).set(`new-${tag}`, shape);
    });
    objectsMap(b).delete(third);
    metaMap(a).set('title', `Renamed ${tag}`);
  }

  it('survives an in-process restart (close, then a new app on the same database)', async () => {
    const s1 = await inProcess();
    const designId = await createDesign(s1.url, agent, 'restart', [AGENT2]);
    const a = client(s1.wsUrl, designId);
    const b = client(s1.wsUrl, designId, agent2);
    await Promise.all([synced(a), synced(b)]);
    editTogether(a.doc, b.doc, 'restart');
    const expected = await converged([a.doc, b.doc]);
    a.destroy();
    b.destroy();
    await s1.close();

    const s2 = await inProcess();
    const c = client(s2.wsUrl, designId);
    await synced(c);
    expect(contentOf(c.doc)).toBe(expected);
    expect(contentOf(await docFromStore(s2.store, designId))).toBe(expected);
    expect(objectsMap(c.doc).get('new-restart')?.get('fill')).toBe('#123456');
    c.destroy();
    await s2.close();
  });

  it('10,000 small updates, then a cold load: identical, and the log stays compacted', async () => {
    const s = await inProcess({ ROOM_IDLE_MS: '50', COMPACT_THRESHOLD: String(COMPACT_THRESHOLD) });
    const designId = await createDesign(s.url, agent, 'many updates');
    const a = client(s.wsUrl, designId);
    await synced(a);
    const ids = editableIds(a.doc);
    const room = () => s.rooms.peek(designId)!;
    // 100 bursts of 100 one-property updates; after each burst the server has it all
    // committed, so the log gets at least 100 appends and must compact several times.
    for (let burst = 0; burst < 100; burst++) {
      for (let i = 0; i < 100; i++) {
        const n = burst * 100 + i;
        objectsMap(a.doc)
          .get(ids[n % ids.length]!)!
          .set(n % 2 ? 'x' : 'y', n);
      }
      const sv = Y.encodeStateVector(a.doc);
      await waitFor(
        () => Buffer.from(Y.encodeStateVector(room().doc)).equals(sv) && !room().hasPendingWrites,
        5_000,
        `burst ${burst} committed`,
      );
    }
    const expected = contentOf(a.doc);
    a.destroy();
    await waitFor(() => s.rooms.peek(designId) === undefined && s.rooms.size === 0, 5_000, 'room eviction');

    const cold = client(s.wsUrl, designId);
    await synced(cold);
    expect(contentOf(cold.doc)).toBe(expected);
    cold.destroy();
    await waitFor(() => s.rooms.size === 0, 5_000, 'room eviction');

    const counts = await designRowCounts(s.db, designId);
    expect(counts.updateSeq).toBeGreaterThanOrEqual(100);
    expect(counts.snapshotSeq).toBeGreaterThan(0);
    expect(counts.updates).toBeLessThan(COMPACT_THRESHOLD + 5);
    // Snapshot plus log cover every sequence number exactly once.
    expect(counts.snapshotSeq! + counts.updates).toBe(counts.updateSeq);
    expect(contentOf(await docFromStore(s.store, designId))).toBe(expected);
    await s.close();
  }, 60_000);

  describe('DocumentStore', () => {
    let store: DocumentStore;
    const reference = new Map<string, Y.Doc>();
    const initial = new Map<string, Uint8Array>();

    /** A design row and its first snapshot, without the HTTP layer. */
    async function newDesign(): Promise<string> {
      const d = await openDb();
      const id = `store-${randomUUID()}`;
      await d.query(
        `INSERT INTO designs (id, brokerage_id, owner_id, title, kind)
         SELECT $1, brokerage_id, id, 'store test', 'flyer' FROM users WHERE email = 'agent@demo.realbrand.test'`,
        [id],
      );
      const doc = new Y.Doc();
      metaMap(doc).set('title', 'store test');
      const state = Y.encodeStateAsUpdate(doc);
      await store.createDocument(id, state);
      initial.set(id, state);
      reference.set(id, doc);
      return id;
    }
    /** One small update to the reference doc, returned for appending. */
    function change(id: string, key: string, value: unknown): Uint8Array {
      const doc = reference.get(id)!;
      let update: Uint8Array | null = null;
      const capture = (u: Uint8Array) => (update = u);
      doc.once('update', capture);
      metaMap(doc).set(key, value);
      return update!;
    }
    const contiguous = (seqs: number[], from: number) => seqs.every((s, i) => s === from + 1 + i);

    beforeAll(async () => {
      store = new DocumentStore(await openDb());
    });

    it('append returns increasing sequence numbers, also under concurrency', async () => {
      const id = await newDesign();
      const seqs: number[] = [];
      for (let i = 0; i < 5; i++) seqs.push((await store.append(id, change(id, `k${i}`, i)))!);
      expect(seqs).toEqual([1, 2, 3, 4, 5]);
      const updates = Array.from({ length: 20 }, (_, i) => change(id, `c${i}`, i));
      const concurrent = await Promise.all(updates.map((u) => store.append(id, u)));
      expect([...concurrent].sort((x, y) => x! - y!)).toEqual(Array.from({ length: 20 }, (_, i) => 6 + i));
      expect(await store.latestSeqs([id])).toEqual(new Map([[id, 25]]));
      const loaded = await store.load(id);
      expect(
        contiguous(
          loaded.updates.map((u) => u.seq),
          0,
        ),
      ).toBe(true);
      expect(contentOf(await docFromStore(store, id))).toBe(contentOf(reference.get(id)!));
    });

    it('catchUp after compaction returns the snapshot, then only newer rows', async () => {
      const id = await newDesign();
      for (let i = 0; i < 8; i++) await store.append(id, change(id, `k${i}`, i));
      expect(await store.compact(id)).toBe(8);
      expect(await store.logLength(id)).toBe(0);

      const behind = await store.catchUp(id, 3);
      expect(behind.snapshot?.seq).toBe(8);
      expect(behind.updates).toEqual([]);
      const fromSnapshot = new Y.Doc();
      Y.applyUpdate(fromSnapshot, behind.snapshot!.data);
      expect(contentOf(fromSnapshot)).toBe(contentOf(reference.get(id)!));

      await store.append(id, change(id, 'after', true));
      const current = await store.catchUp(id, 8);
      expect(current.snapshot).toBeNull();
      expect(current.updates.map((u) => u.seq)).toEqual([9]);
      const stale = await store.catchUp(id, 5);
      expect(stale.snapshot?.seq).toBe(8);
      expect(stale.updates.map((u) => u.seq)).toEqual([9]);
      expect(await store.compact(id)).toBe(9);
      expect(await store.compact(id)).toBe(9); // nothing new: no-op
      expect(contentOf(await docFromStore(store, id))).toBe(contentOf(reference.get(id)!));
    });

    it('two stores compacting at once, with appends in between, lose nothing', async () => {
      // PostgreSQL: two pools, i.e. truly concurrent transactions. PGlite has one connection per data directory.
      const other = database.kind === 'pg' ? new DocumentStore(await database.open()) : new DocumentStore(await openDb());
      const id = await newDesign();
      for (let round = 0; round < 8; round++) {
        const updates = Array.from({ length: 6 }, (_, i) => change(id, `r${round}-${i}`, i));
        const results = await Promise.all([
          store.compact(id),
          other.compact(id),
          ...updates.slice(0, 3).map((u) => store.append(id, u)),
          ...updates.slice(3).map((u) => other.append(id, u)),
        ]);
        expect(results.slice(2).every((s) => typeof s === 'number')).toBe(true);
        const loaded = await store.load(id);
        expect(
          contiguous(
            loaded.updates.map((u) => u.seq),
            loaded.snapshot?.seq ?? 0,
          ),
        ).toBe(true);
      }
      const done = await Promise.all([store.compact(id), other.compact(id)]);
      expect(done.some((s) => s === 48)).toBe(true);
      expect(contentOf(await docFromStore(store, id))).toBe(contentOf(reference.get(id)!));
      expect(contentOf(await docFromStore(other, id))).toBe(contentOf(reference.get(id)!));
    });

    it('a compaction committing in the middle of a load or catch-up cannot tear it', async () => {
      // A real database whose `query` lets another store compact right after the
      // reading store's first statement: the worst interleaving, made deterministic.
      const base = await openDb();
      const other = database.kind === 'pg' ? new DocumentStore(await database.open()) : new DocumentStore(base);
      let between: (() => Promise<unknown>) | null = null;
      const hooked: Db = {
        kind: base.kind,
        transaction: (fn) => base.transaction(fn),
        listen: (channel, onNotify) => base.listen(channel, onNotify),
        close: () => base.close(),
        async query<T>(sql: string, params?: unknown[]) {
          const result = await base.query<T>(sql, params);
          const run = between;
          between = null;
          if (run) await run();
          return result;
        },
      };
      const reader = new DocumentStore(hooked);
      const id = await newDesign();
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 4; i++) await store.append(id, change(id, `r${round}-${i}`, i));
        const expected = contentOf(reference.get(id)!);
        const check = (loaded: Awaited<ReturnType<DocumentStore['load']>>, base?: Uint8Array) => {
          expect(
            contiguous(
              loaded.updates.map((u) => u.seq),
              loaded.snapshot?.seq ?? 0,
            ),
          ).toBe(true);
          const doc = new Y.Doc();
          if (base) Y.applyUpdate(doc, base);
          if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot.data);
          for (const u of loaded.updates) Y.applyUpdate(doc, u.data);
          expect(contentOf(doc)).toBe(expected);
        };
        between = () => other.compact(id);
        check(await reader.load(id));
        expect(between).toBeNull(); // the compaction did run in between
        await store.append(id, change(id, `r${round}-more`, round));
        const beforeCompaction = await store.load(id); // what a replica holding everything so far would have
        const replica = new Y.Doc();
        if (beforeCompaction.snapshot) Y.applyUpdate(replica, beforeCompaction.snapshot.data);
        for (const u of beforeCompaction.updates.slice(0, -1)) Y.applyUpdate(replica, u.data);
        const replicaSeq = beforeCompaction.updates.at(-2)?.seq ?? beforeCompaction.snapshot!.seq;
        const expectedAfter = contentOf(reference.get(id)!);
        between = () => other.compact(id);
        const missing = await reader.catchUp(id, replicaSeq);
        if (missing.snapshot) Y.applyUpdate(replica, missing.snapshot.data);
        for (const u of missing.updates) Y.applyUpdate(replica, u.data);
        expect(contentOf(replica)).toBe(expectedAfter);
      }
    });

    it('append to a deleted design returns null (hard delete and soft delete)', async () => {
      const hard = await newDesign();
      expect(await store.append(hard, change(hard, 'a', 1))).toBe(1);
      await (await openDb()).query('DELETE FROM designs WHERE id = $1', [hard]);
      expect(await store.append(hard, change(hard, 'b', 2))).toBeNull();
      expect(await store.logLength(hard)).toBe(0);

      const soft = await newDesign();
      expect(await store.append(soft, change(soft, 'a', 1))).toBe(1);
      await (await openDb()).query('UPDATE designs SET deleted_at = now() WHERE id = $1', [soft]);
      expect(await store.append(soft, change(soft, 'b', 2))).toBeNull();
    });
  });

  describe('server child processes', () => {
    let child: ServerProcess | null = null;

    beforeAll(releaseDbForChild);
    afterAll(async () => {
      await child?.crash();
    });

    it('kill -9 after 200 ms idle: everything is there after a restart', async () => {
      child = await startServerProcess(childEnv());
      const port = child.port;
      const designId = await createDesign(child.url, agent, 'crash', [AGENT2]);
      const a = client(child.wsUrl, designId);
      const b = client(child.wsUrl, designId, agent2);
      await Promise.all([synced(a), synced(b)]);
      editTogether(a.doc, b.doc, 'crash');
      await converged([a.doc, b.doc]);
      for (let i = 0; i < 200; i++)
        objectsMap(i % 2 ? a.doc : b.doc)
          .get('new-crash')!
          .set(i % 3 ? 'x' : 'y', i);
      const expected = await converged([a.doc, b.doc]);
      // The scenario itself: the clients stop editing, 200 ms pass (many group-commit windows), the process dies.
      await new Promise((r) => setTimeout(r, 200));
      const exit = await child.crash();
      expect(exit.signal).toBe('SIGKILL');
      child = null;
      // Keep the old clients away so they cannot re-send what the server might have lost.
      a.provider.disconnect();
      b.provider.disconnect();

      child = await startServerProcess(childEnv({ PORT: String(port) }));
      const fresh = client(child.wsUrl, designId);
      await synced(fresh);
      expect(contentOf(fresh.doc)).toBe(expected);

      // The old clients come back on their own and agree.
      a.provider.connect();
      b.provider.connect();
      await Promise.all([synced(a, 10_000), synced(b, 10_000)]);
      expect(await converged([a.doc, b.doc, fresh.doc])).toBe(expected);
      for (const c of [a, b, fresh]) c.destroy();
      // The restarted process stays up for the graceful-stop case below.
    }, 90_000);

    it('graceful stop (SIGTERM): exit 0, clients get 1012, nothing lost', async () => {
      child ??= await startServerProcess(childEnv()); // reuses the restarted process when the case above ran
      const designId = await createDesign(child.url, agent, 'graceful', [AGENT2]);
      const editor = spiedStockClient(child.wsUrl, designId, agent);
      const watcher = spiedStockClient(child.wsUrl, designId, agent2);
      clients.push(editor, watcher);
      await Promise.all([synced(editor), synced(watcher)]);
      const ids = editableIds(editor.doc);
      for (let i = 0; i < 1000; i++)
        objectsMap(editor.doc)
          .get(ids[i % ids.length]!)!
          .set('x', i);
      metaMap(editor.doc).set('title', 'last edit before SIGTERM');
      // Once the watcher has the last edit the server has applied all of it; stop right away,
      // while the write-behind may still be committing.
      const expected = await converged([editor.doc, watcher.doc], 10_000);
      const exit = await child.stop();
      child = null;
      expect(exit).toEqual({ code: 0, signal: null });
      for (const c of [editor, watcher]) {
        await waitFor(() => c.closes.length > 0, 5_000, 'close event');
        expect(c.closes[0]).toMatchObject({ code: CloseCode.serviceRestart });
        expect(c.closes[0]!.reason.length).toBeGreaterThan(0);
        c.provider.disconnect();
      }
      // Straight from the database, with no client around to re-send anything.
      const d = await openDb();
      const stored = await docFromStore(new DocumentStore(d), designId);
      expect(contentOf(stored)).toBe(expected);
      expect(metaMap(stored).get('title')).toBe('last edit before SIGTERM');
      editor.destroy();
      watcher.destroy();
      await releaseDbForChild();
    }, 60_000);
  });
}
