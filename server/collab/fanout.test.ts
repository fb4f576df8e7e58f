/**
 * The fan-out message format, and two rooms of one design on two instances (one
 * database, one in-process bus): a write's run of log rows travels as one message,
 * and a lost message is noticed by its sequence gap and read back from the log.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { objectsMap } from '../../shared/index.js';
import { migrate, type Db } from '../db/index.js';
import { Metrics } from '../metrics.js';
import { designRows, freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { waitFor } from '../test-support/server.js';
import { Connection } from './connection.js';
import { decodeFanoutMessage, encodeFanoutMessage, InProcessFanout, type FanoutMessage } from './fanout.js';
import { decodeClientMessage, encodeUpdate } from './protocol.js';
import { RoomManager } from './rooms.js';
import { DocumentStore } from './store.js';

describe('fan-out message format', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);

  it('round-trips each kind', () => {
    const messages: FanoutMessage[] = [
      { kind: 'updates', origin: 'i1', designId: 'd1', seq: 41, updates: [bytes(1, 2, 3), bytes(), bytes(9)] },
      { kind: 'awareness', origin: 'i1', designId: 'd1', update: bytes(7, 7) },
      { kind: 'awareness-query', origin: 'i2', designId: 'd2' },
    ];
    for (const m of messages) expect(decodeFanoutMessage(encodeFanoutMessage(m))).toEqual(m);
  });

  it('reads the one-row messages of instances not yet upgraded as runs of one', () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, 'old');
    encoding.writeVarString(e, 'd1');
    encoding.writeVarUint(e, 12);
    encoding.writeVarUint8Array(e, bytes(5, 6));
    expect(decodeFanoutMessage(encoding.toUint8Array(e))).toEqual({
      kind: 'updates',
      origin: 'old',
      designId: 'd1',
      seq: 12,
      updates: [bytes(5, 6)],
    });
  });

  it('rejects truncated runs, impossible counts and unknown kinds', () => {
    const good = encodeFanoutMessage({ kind: 'updates', origin: 'i1', designId: 'd1', seq: 1, updates: [bytes(1, 2), bytes(3)] });
    expect(() => decodeFanoutMessage(good.slice(0, good.length - 2))).toThrow();
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 3);
    encoding.writeVarString(e, 'i1');
    encoding.writeVarString(e, 'd1');
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1_000_000);
    expect(() => decodeFanoutMessage(encoding.toUint8Array(e))).toThrow(/count/);
    expect(() => decodeFanoutMessage(bytes(9, 0, 0))).toThrow(/kind/);
  });
});

const silent = { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined } as never;

/** An in-process bus that can lose the next messages of one design (a dropped Redis message). */
class LossyBus extends EventEmitter {
  private dropping = new Map<string, number>();

  loseNext(designId: string, n: number): void {
    this.dropping.set(designId, n);
  }

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    // Events are the bus's channel names: `rb:design:<designId>`.
    const designId = typeof event === 'string' ? event.replace(/^rb:design:/, '') : '';
    const left = this.dropping.get(designId) ?? 0;
    if (left > 0) {
      this.dropping.set(designId, left - 1);
      return false;
    }
    return super.emit(event, ...args);
  }
}

describe('fan-out between two rooms of one design', () => {
  let tdb: TestDatabase;
  let db: Db;
  let store: DocumentStore;
  let bus: LossyBus;
  let a: RoomManager;
  let b: RoomManager;
  let addDesign: (designId: string) => Promise<void>;

  const manager = (instanceId: string, commitWindowMs: number) =>
    new RoomManager({
      store,
      fanout: new InProcessFanout(instanceId, bus),
      metrics: new Metrics(),
      log: silent,
      idleMs: 60_000,
      reconcileMs: 60_000, // only the gap timer catches up here
      compactThreshold: 10_000,
      maxDocumentBytes: 1024 * 1024,
      awarenessThrottleMs: 10,
      commitWindowMs,
    });

  beforeAll(async () => {
    tdb = await freshPostgres();
    db = await tdb.open();
    await migrate(db);
    store = new DocumentStore(db);
    addDesign = await designRows(db, 'fo');
    bus = new LossyBus();
    a = manager('fo-a', 5);
    b = manager('fo-b', 5);
  });
  afterAll(async () => {
    await a?.shutdown();
    await b?.shutdown();
    await tdb?.drop();
  });

  /** A socket whose frames are recorded, and a client doc whose changes it sends to its room. */
  async function socket(rooms: RoomManager, designId: string) {
    const frames: Uint8Array[] = [];
    const ws = {
      OPEN: 1,
      readyState: 1,
      bufferedAmount: 0,
      send: (f: Uint8Array) => frames.push(f),
      close: () => undefined,
      terminate: () => undefined,
    };
    const conn = new Connection(
      ws as never,
      { userId: 'fo-u', brokerageId: 'fo-b', name: 'FO', role: 'agent', sessionId: 's' },
      false,
      false,
    );
    const room = await rooms.join(designId, conn);
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'server') room.receive(conn, decodeClientMessage(Buffer.from(encodeUpdate(u))));
    });
    frames.length = 0; // the sync handshake
    const updateFrames = () => frames.map((f) => decodeClientMessage(f)).filter((m) => m.type === 'doc-change');
    return { room, doc, updateFrames };
  }

  async function newDesign(): Promise<string> {
    const designId = `fo-${randomUUID()}`;
    await addDesign(designId);
    await store.createDocument(designId, Y.encodeStateAsUpdate(new Y.Doc()));
    return designId;
  }

  const xs = (doc: Y.Doc) => Object.fromEntries([...objectsMap(doc).entries()].map(([id, m]) => [id, m.get('x')]));

  it('sends a write of several rows as one message, applied at once, with every seq marked', async () => {
    const designId = await newDesign();
    const writer = await socket(a, designId);
    const reader = await socket(b, designId);
    // Five edits in one tick: one write (statements never start in the caller's tick), five log rows.
    for (const id of ['r1', 'r22', 'r333', 'r4444', 'r55555']) objectsMap(writer.doc).set(id, new Y.Map<unknown>([['x', id.length]]));
    await waitFor(() => reader.room.seq === 5, 5_000, 'the reader room at seq 5');
    expect(writer.room.seq).toBe(5);
    expect(await store.logLength(designId)).toBe(5);
    expect(reader.updateFrames()).toHaveLength(1); // one message for the run, applied in one transaction
    const readerDoc = new Y.Doc();
    for (const m of reader.updateFrames()) if (m.type === 'doc-change') Y.applyUpdate(readerDoc, m.update);
    expect(xs(readerDoc)).toEqual(xs(writer.doc));
    expect(xs(reader.room.doc)).toEqual(xs(writer.doc));
  });

  it('notices a lost message by its sequence gap and reads the rows from the log', async () => {
    const designId = await newDesign();
    const writer = await socket(a, designId);
    const reader = await socket(b, designId);
    bus.loseNext(designId, 1);
    objectsMap(writer.doc).set('lost', new Y.Map<unknown>([['x', 1]]));
    await waitFor(() => a.peek(designId)?.seq === 1, 5_000, 'the lost write committed');
    objectsMap(writer.doc).set('after', new Y.Map<unknown>([['x', 2]]));
    await waitFor(() => reader.room.seq === 2, 5_000, 'the reader caught up past the gap');
    expect(xs(reader.room.doc)).toEqual({ lost: 1, after: 2 });
  });
});
