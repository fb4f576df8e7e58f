/**
 * What a room sends to peers and writes to the log for each kind of client change
 * (sockets replaced by recorders, real PostgreSQL behind the log).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { objectsMap, stampSchemaVersion } from '../../shared/index.js';
import { migrate, type Db } from '../db/index.js';
import { Metrics } from '../metrics.js';
import { designRows, freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { Connection } from './connection.js';
import { InProcessFanout } from './fanout.js';
import { lockGuard } from './guard.js';
import { decodeClientMessage, encodeSyncStep2, encodeUpdate } from './protocol.js';
import { SERVER, type Room } from './room.js';
import { RoomManager } from './rooms.js';
import { DocumentStore } from './store.js';

const silent = { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined } as never;

/** A socket that records what the server sends it. */
function recorder() {
  const frames: Uint8Array[] = [];
  const ws = {
    OPEN: 1,
    readyState: 1,
    bufferedAmount: 0,
    send: (f: Uint8Array) => frames.push(f),
    close: () => undefined,
    terminate: () => undefined,
  };
  return { ws: ws as never, frames };
}

/** Document updates in the frames a socket received (sync update and step 2 messages). */
function updatesIn(frames: Uint8Array[]): Uint8Array[] {
  return frames.flatMap((f) => {
    const m = decodeClientMessage(f);
    return m.type === 'doc-change' ? [m.update] : [];
  });
}

const sorted = (doc: Y.Doc) =>
  JSON.stringify([...objectsMap(doc).entries()].map(([id, m]) => [id, Object.entries(m.toJSON()).sort()]).sort());

describe('room: forwarding client changes', () => {
  let tdb: TestDatabase;
  let db: Db;
  let store: DocumentStore;
  let rooms: RoomManager;
  let designId: string;
  let initial: Uint8Array;
  let addDesign: (designId: string) => Promise<void>;
  /** Log writes to fail before they reach the database (a lost connection, say). */
  let failWrites = 0;

  beforeAll(async () => {
    tdb = await freshPostgres();
    db = await tdb.open();
    await migrate(db);
    store = new DocumentStore(db);
    addDesign = await designRows(db, 'rt');
    const flaky: DocumentStore = Object.create(store);
    const failing = () => failWrites > 0 && failWrites-- > 0;
    flaky.append = (id, updates) => (failing() ? Promise.reject(new Error('connection lost')) : store.append(id, updates));
    flaky.appendMany = (entries) => (failing() ? Promise.reject(new Error('connection lost')) : store.appendMany(entries));
    rooms = new RoomManager({
      store: flaky,
      fanout: new InProcessFanout('rt'),
      metrics: new Metrics(),
      log: silent,
      idleMs: 60_000,
      reconcileMs: 60_000,
      compactThreshold: 1_000,
      maxDocumentBytes: 1024 * 1024,
      awarenessThrottleMs: 10,
      commitWindowMs: 5,
      extensions: [lockGuard()],
    });
  });
  afterAll(async () => {
    await rooms?.shutdown();
    await tdb?.drop();
  });

  beforeEach(async () => {
    designId = `rt-${randomUUID()}`;
    const doc = new Y.Doc();
    objectsMap(doc).set(
      'logo',
      new Y.Map<unknown>([
        ['locked', true],
        ['x', 10],
      ]),
    );
    objectsMap(doc).set('title', new Y.Map<unknown>([['x', 20]]));
    // At today's schema version: the room has nothing to migrate, so loading writes nothing.
    stampSchemaVersion(doc);
    initial = Y.encodeStateAsUpdate(doc);
    await addDesign(designId);
    await store.createDocument(designId, initial);
  });

  /** A socket in the room with a client doc in step with it; `edit` sends the doc's changes as update messages. */
  async function join(): Promise<{ conn: Connection; room: Room; doc: Y.Doc; received: Uint8Array[]; sent: Uint8Array[] }> {
    const { ws, frames } = recorder();
    const conn = new Connection(ws, { userId: 'rt-u', brokerageId: 'rt-b', name: 'RT', role: 'agent', sessionId: 's' }, false, false);
    const room = await rooms.join(designId, conn);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initial, 'server');
    const sent: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === 'server') return;
      const frame = Buffer.from(encodeUpdate(u));
      sent.push(frame);
      room.receive(conn, decodeClientMessage(frame));
    });
    frames.length = 0; // the sync handshake
    return { conn, room, doc, received: frames, sent };
  }

  /** The design as replayed from the log (snapshot + rows). */
  async function replayed(): Promise<Y.Doc> {
    const stored = await store.load(designId);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.data);
    for (const u of stored.updates) Y.applyUpdate(doc, u.data);
    return doc;
  }

  it('loads the snapshot and the log rows after it as stored, sending and logging nothing, then works as usual', async () => {
    const writer = new Y.Doc();
    Y.applyUpdate(writer, initial);
    const rows: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => rows.push(u));
    objectsMap(writer).get('title')!.set('x', 60);
    objectsMap(writer).set('photo', new Y.Map<unknown>([['x', 7]]));
    objectsMap(writer).get('photo')!.set('x', 8);
    await store.append(designId, rows);

    const a = await join();
    expect(sorted(a.room.doc)).toBe(sorted(writer));
    await a.room.flush();
    expect((await store.load(designId)).updates).toHaveLength(3); // the load wrote nothing back

    // Its 'update' listener is back: a server-made change reaches the socket and the log.
    a.room.doc.transact(() => objectsMap(a.room.doc).get('photo')!.set('y', 9), SERVER);
    expect(updatesIn(a.received)).toHaveLength(1);
    await a.room.flush();
    expect(
      objectsMap(await replayed())
        .get('photo')!
        .toJSON(),
    ).toEqual({ x: 8, y: 9 });
  });

  it('sends peers exactly the bytes the client sent when the guard changed nothing, and logs them', async () => {
    const a = await join();
    const b = await join();
    objectsMap(a.doc).get('title')!.set('x', 21);
    objectsMap(a.doc).get('title')!.set('x', 22);
    expect(a.sent).toHaveLength(2);
    expect(b.received.map((f) => Buffer.from(f).toString('hex'))).toEqual(a.sent.map((f) => Buffer.from(f).toString('hex')));
    expect(a.received).toHaveLength(0); // no echo to the sender
    await a.room.flush();
    const log = await replayed();
    expect(sorted(log)).toBe(sorted(a.room.doc));
    expect(objectsMap(log).get('title')!.get('x')).toBe(22);
  });

  it('sends peers, and the sender, the corrected result when the guard reverts a change', async () => {
    const a = await join();
    const b = await join();
    // The room's first change at all (no sync step 2 before it): the guard must still know the locked state.
    objectsMap(a.doc).get('logo')!.set('x', 999);
    expect(b.received).toHaveLength(1);
    expect(Buffer.from(b.received[0]!).equals(Buffer.from(a.sent[0]!))).toBe(false);
    for (const u of updatesIn(b.received)) Y.applyUpdate(b.doc, u, 'server');
    for (const u of updatesIn(a.received)) Y.applyUpdate(a.doc, u, 'server');
    expect(objectsMap(b.doc).get('logo')!.get('x')).toBe(10);
    expect(objectsMap(a.doc).get('logo')!.get('x')).toBe(10);
    await a.room.flush();
    expect(sorted(await replayed())).toBe(sorted(a.room.doc));

    // The next, permitted change is forwarded as sent again.
    objectsMap(a.doc).get('title')!.set('x', 30);
    expect(Buffer.from(b.received.at(-1)!).equals(Buffer.from(a.sent.at(-1)!))).toBe(true);
  });

  it('re-encodes sync step 2 content; a change that depends on one the server lacks is not held back but asked for again', async () => {
    const a = await join();
    const b = await join();
    // Two changes; the server gets the second first. Yjs would park it until the first arrives
    // (and release it inside whatever update came next): the server drops it and asks the sender to sync.
    const c = new Y.Doc();
    Y.applyUpdate(c, initial);
    const updates: Uint8Array[] = [];
    c.on('update', (u: Uint8Array) => updates.push(u));
    objectsMap(c).set('new', new Y.Map<unknown>([['x', 1]]));
    objectsMap(c).get('new')!.set('x', 2);
    const [first, second] = updates as [Uint8Array, Uint8Array];
    a.room.receive(a.conn, decodeClientMessage(Buffer.from(encodeUpdate(second))));
    expect(b.received).toHaveLength(0);
    expect(a.room.doc.store.pendingStructs).toBeNull();
    const request = a.received.find((f) => f[0] === 0 && f[1] === 0);
    expect(request).toBeDefined(); // sync step 1: the server's state vector
    a.room.receive(a.conn, decodeClientMessage(Buffer.from(encodeSyncStep2(first))));
    expect(b.received).toHaveLength(1);
    expect(b.received[0]![1]).toBe(2); // an update message, not step 2
    // The client's answer to the sync request brings the rest.
    const m = decodeClientMessage(request!);
    if (m.type !== 'sync-step1') throw new Error('expected a sync step 1');
    a.room.receive(a.conn, decodeClientMessage(Buffer.from(encodeSyncStep2(Y.encodeStateAsUpdate(c, m.stateVector)))));
    for (const u of updatesIn(b.received)) Y.applyUpdate(b.doc, u, 'server');
    expect(objectsMap(b.doc).get('new')!.get('x')).toBe(2);
    await a.room.flush();
    expect(sorted(await replayed())).toBe(sorted(c));
  });

  it('still sends and logs server-made changes after forwarded ones', async () => {
    const a = await join();
    const b = await join();
    objectsMap(a.doc).get('title')!.set('x', 40);
    a.room.doc.transact(() => objectsMap(a.room.doc).get('title')!.set('y', 5), SERVER);
    expect(b.received).toHaveLength(2);
    expect(a.received).toHaveLength(1);
    for (const u of updatesIn(b.received)) Y.applyUpdate(b.doc, u, 'server');
    expect(objectsMap(b.doc).get('title')!.toJSON()).toEqual({ x: 40, y: 5 });
    await a.room.flush();
    expect(sorted(await replayed())).toBe(sorted(a.room.doc));
  });

  it('retries a failed log write with the same updates, in order, and then the ones that came meanwhile', async () => {
    const a = await join();
    const rowsBefore = (await store.load(designId)).updates.length;
    failWrites = 2;
    objectsMap(a.doc).get('title')!.set('x', 50);
    objectsMap(a.doc).get('title')!.set('x', 51);
    await vi.waitFor(() => expect(failWrites).toBe(1)); // the first attempt has failed; more arrives before the retry
    objectsMap(a.doc).get('title')!.set('x', 52);
    expect(a.room.hasPendingWrites).toBe(true);
    await a.room.flush();
    expect(failWrites).toBe(0);
    expect(a.room.hasPendingWrites).toBe(false);
    // One row per update, each once.
    const rows = (await store.load(designId)).updates;
    expect(rows.length - rowsBefore).toBe(3);
    expect(
      objectsMap(await replayed())
        .get('title')!
        .get('x'),
    ).toBe(52);
    expect(a.conn.changesInFlight).toBe(0);
  });

  it('answers a client with nothing from the cached full state (the stored snapshot right after a load), dropped by the next change', async () => {
    const a = await join();
    const ask = () => {
      const { ws, frames } = recorder();
      const conn = new Connection(ws, { userId: 'rt-u', brokerageId: 'rt-b', name: 'RT', role: 'agent', sessionId: 's' }, false, false);
      a.room.receive(conn, { type: 'sync-step1', stateVector: Y.encodeStateVector(new Y.Doc()) });
      return updatesIn(frames)[0]!;
    };
    const first = ask();
    expect(Buffer.from(first).equals(Buffer.from(initial))).toBe(true); // the snapshot's bytes, not a new encoding
    const cached = a.room.fullState();
    expect(a.room.fullState()).toBe(cached); // kept, not encoded again
    expect(Buffer.from(ask()).equals(Buffer.from(cached))).toBe(true);
    objectsMap(a.doc).get('title')!.set('x', 33);
    expect(a.room.fullState()).not.toBe(cached);
    const after = ask();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, after);
    expect(sorted(doc)).toBe(sorted(a.room.doc));
    expect(objectsMap(doc).get('title')!.get('x')).toBe(33);
  });

  it('an unloading room with log rows after its snapshot stores its document as the snapshot and trims the log', async () => {
    const a = await join();
    objectsMap(a.doc).get('title')!.set('x', 71);
    objectsMap(a.doc).set('badge', new Y.Map<unknown>([['x', 3]]));
    await a.room.flush();
    expect((await store.load(designId)).updates).toHaveLength(2);
    await a.room.snapshotForUnload();
    const stored = await store.load(designId);
    expect(stored.updates).toHaveLength(0);
    expect(stored.snapshot!.seq).toBe(a.room.seq);
    expect(Buffer.from(stored.snapshot!.data).equals(Buffer.from(a.room.fullState()))).toBe(true);
    expect(sorted(await replayed())).toBe(sorted(a.room.doc));
    // Later rows still follow the snapshot.
    objectsMap(a.doc).get('badge')!.set('x', 4);
    await a.room.flush();
    expect(
      objectsMap(await replayed())
        .get('badge')!
        .get('x'),
    ).toBe(4);
  });

  it('a cold load answers a client that has nothing from the stored snapshot, before the room applies it', async () => {
    const a = await join();
    objectsMap(a.doc).get('title')!.set('x', 81);
    await a.room.flush();
    await a.room.snapshotForUnload();
    const stored = (await store.load(designId)).snapshot!;
    // The state vector is stored beside the snapshot (no decoding of the snapshot to answer with it).
    expect(Buffer.from(stored.stateVector!).equals(Buffer.from(Y.encodeStateVector(a.room.doc)))).toBe(true);
    rooms.leave(a.room, a.conn);
    await (rooms as unknown as { evict(id: string): Promise<void> }).evict(designId);
    expect(rooms.peek(designId)).toBeUndefined();

    const { ws, frames } = recorder();
    const conn = new Connection(ws, { userId: 'rt-u', brokerageId: 'rt-b', name: 'RT', role: 'agent', sessionId: 's' }, false, false);
    const answers: Array<{ state: Uint8Array; stateVector: Uint8Array; ready: boolean }> = [];
    const room = await rooms.join(designId, conn, (cold) => answers.push({ ...cold, ready: rooms.peek(designId) !== undefined }));
    expect(answers).toHaveLength(1);
    expect(answers[0]!.ready).toBe(false); // before the document was applied and the room opened
    expect(Buffer.from(answers[0]!.state).equals(Buffer.from(stored.data))).toBe(true);
    expect(Buffer.from(answers[0]!.stateVector).equals(Buffer.from(stored.stateVector!))).toBe(true);
    // Nothing changed since: the room sends no sync step 1 of its own (the caller sent one from the stored state).
    expect(frames.map((f) => decodeClientMessage(f).type)).not.toContain('sync-step1');
    expect(sorted(room.doc)).toBe(sorted(a.room.doc));

    // A warm room: no cold answer.
    const second = new Connection(
      recorder().ws,
      { userId: 'rt-u', brokerageId: 'rt-b', name: 'RT', role: 'agent', sessionId: 's2' },
      false,
      false,
    );
    const none: unknown[] = [];
    await rooms.join(designId, second, (cold) => none.push(cold));
    expect(none).toHaveLength(0);
  });

  it('a socket answered from an older stored state gets what changed since when it joins', async () => {
    const a = await join();
    const before = Y.encodeStateVector(a.room.doc);
    const beforeState = a.room.fullState();
    objectsMap(a.doc).get('title')!.set('x', 91);
    const { ws, frames } = recorder();
    const conn = new Connection(ws, { userId: 'rt-u', brokerageId: 'rt-b', name: 'RT', role: 'agent', sessionId: 's3' }, false, false);
    a.room.join(conn, before);
    const client = new Y.Doc();
    Y.applyUpdate(client, beforeState);
    for (const u of updatesIn(frames)) Y.applyUpdate(client, u);
    expect(objectsMap(client).get('title')!.get('x')).toBe(91);
    expect(sorted(client)).toBe(sorted(a.room.doc));
  });
});
