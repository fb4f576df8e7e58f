/**
 * "Saved" means durable: a client that connects with `?ack=1` gets message
 * type 100 (varuint N = its document-changing messages now committed) only
 * after the database has them; stock clients never see type 100.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ACK_PARAM, MessageType, metaMap } from '../../shared/index.js';
import { stockClient, synced } from '../test-support/clients.js';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { createDesign, designRowCounts, docFromStore, spiedStockClient } from '../test-support/docs.js';
import { login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';

let database: TestDatabase;
let server: TestServer;
let agent: string;
let agent2: string;
let designId: string;

beforeAll(async () => {
  database = await freshPostgres();
  server = await startTestServer({ ROOM_IDLE_MS: '60000' }, { db: await database.open() });
  [agent, agent2] = await Promise.all([login(server.url, 'agent@demo.realbrand.test'), login(server.url, 'agent2@demo.realbrand.test')]);
  designId = await createDesign(server.url, agent, 'durable ack', ['agent2@demo.realbrand.test']);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const syncFrame = (sub: number, payload: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
};
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** Decodes a durable ack frame, or null for any other message. */
function ackCount(frame: Uint8Array): number | null {
  const d = decoding.createDecoder(frame);
  if (decoding.readVarUint(d) !== MessageType.durableAck) return null;
  const n = decoding.readVarUint(d);
  expect(d.pos).toBe(frame.length);
  return n;
}

interface AckObservation {
  n: number;
  /** Meta keys the database held at the moment the ack arrived. */
  storedKeys: Promise<string[]>;
}

/** A raw client that opted in to acks; every ack triggers a database read right away. */
async function ackClient() {
  const ws = new WebSocket(`${server.wsUrl}/collab/${designId}?token=${agent}&${ACK_PARAM}=1`);
  const acks: AckObservation[] = [];
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => {
    received.push(new Uint8Array(data));
    const n = ackCount(new Uint8Array(data));
    if (n === null) return;
    acks.push({ n, storedKeys: docFromStore(server.store, designId).then((doc) => [...metaMap(doc).keys()]) });
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  await waitFor(() => received.length > 0, 10_000, 'server sync step 1');
  return {
    ws,
    acks,
    last: () => acks.at(-1)?.n ?? 0,
    /** Query awareness and wait for the answer: everything sent before has been processed (in order). */
    async roundTrip() {
      const from = received.length;
      ws.send(new Uint8Array([MessageType.queryAwareness]));
      await waitFor(() => received.slice(from).some((f) => f[0] === MessageType.awareness), 10_000, 'awareness answer');
    },
  };
}

/** Holds the design's row lock from outside the server, so its next commit waits (a slow disk, made deterministic). */
async function holdCommits(): Promise<{ release(): Promise<void> }> {
  const c = new pg.Client({ connectionString: database.url });
  await c.connect();
  await c.query('BEGIN');
  await c.query('SELECT 1 FROM designs WHERE id = $1 FOR UPDATE', [designId]);
  return {
    async release() {
      await c.query('COMMIT');
      await c.end();
    },
  };
}
const storedKeys = async () => [...metaMap(await docFromStore(server.store, designId)).keys()];

describe('durable acknowledgements (?ack=1)', () => {
  it('arrive after the update is committed to design_updates, counting document-changing messages', async () => {
    const client = await ackClient();
    const local = new Y.Doc();
    const updates: Uint8Array[] = [];
    local.on('update', (u: Uint8Array) => updates.push(u));
    const keys = ['ack-one', 'ack-two', 'ack-three'];
    const before = await designRowCounts(server.db, designId);

    for (const [i, key] of keys.entries()) {
      metaMap(local).set(key, i);
      client.ws.send(syncFrame(SYNC_UPDATE, updates[i]!));
      await waitFor(() => client.last() === i + 1, 10_000, `ack ${i + 1}`);
    }
    // Every ack N came only when the first N changes were readable from the database.
    for (const ack of client.acks) expect(await ack.storedKeys).toEqual(expect.arrayContaining(keys.slice(0, ack.n)));
    expect(client.acks.map((a) => a.n)).toEqual([1, 2, 3]);
    const after = await designRowCounts(server.db, designId);
    expect(after.updateSeq).toBe(before.updateSeq + 3);
    expect(after.updates).toBe(before.updates + 3);

    // A burst: the count is cumulative, and the last ack covers all of it.
    for (let i = 0; i < 50; i++) metaMap(local).set('burst', i);
    for (const u of updates.slice(3)) client.ws.send(syncFrame(SYNC_UPDATE, u));
    await waitFor(() => client.last() === 53, 10_000, 'ack of the burst');
    const ns = client.acks.map((a) => a.n);
    expect([...ns].sort((x, y) => x - y)).toEqual(ns); // never goes backwards
    const lastAck = client.acks.at(-1)!;
    expect(await lastAck.storedKeys).toContain('burst');
    expect(metaMap(await docFromStore(server.store, designId)).get('burst')).toBe(49);
    client.ws.close();
  });

  it('a no-op update (already known, or empty) is acknowledged too, without a new row', async () => {
    const client = await ackClient();
    const local = new Y.Doc();
    metaMap(local).set('noop-base', 1);
    const known = Y.encodeStateAsUpdate(local);
    client.ws.send(syncFrame(SYNC_UPDATE, known));
    await waitFor(() => client.last() === 1, 10_000, 'ack of a real change');
    const rows = await designRowCounts(server.db, designId);

    client.ws.send(syncFrame(SYNC_UPDATE, known)); // the server has it already
    await waitFor(() => client.last() === 2, 10_000, 'ack of a repeated update');
    client.ws.send(syncFrame(SYNC_STEP2, Y.encodeStateAsUpdate(new Y.Doc()))); // an empty sync step 2
    await waitFor(() => client.last() === 3, 10_000, 'ack of an empty sync step 2');
    expect(await designRowCounts(server.db, designId)).toEqual(rows);

    // Sync step 2 with something new counts like an update.
    metaMap(local).set('via-step2', true);
    client.ws.send(syncFrame(SYNC_STEP2, Y.encodeStateAsUpdate(local)));
    await waitFor(() => client.last() === 4, 10_000, 'ack of sync step 2');
    expect(await client.acks.at(-1)!.storedKeys).toContain('via-step2');
    client.ws.close();
  });

  it('no ack while the commit is held up; it follows the commit', async () => {
    const client = await ackClient();
    const local = new Y.Doc();
    metaMap(local).set('held-up', 1);
    const lock = await holdCommits();
    try {
      client.ws.send(syncFrame(SYNC_UPDATE, Y.encodeStateAsUpdate(local)));
      await client.roundTrip();
      expect(client.last()).toBe(0);
      expect(await storedKeys()).not.toContain('held-up');
    } finally {
      await lock.release();
    }
    await waitFor(() => client.last() === 1, 10_000, 'ack after the commit');
    expect(await client.acks[0]!.storedKeys).toContain('held-up');
    client.ws.close();
  });

  it('a duplicate of another socket’s change still being committed is not acknowledged before that commit', async () => {
    const first = await ackClient();
    const second = await ackClient();
    const local = new Y.Doc();
    metaMap(local).set('sent-twice', true);
    const update = Y.encodeStateAsUpdate(local);
    const lock = await holdCommits();
    try {
      first.ws.send(syncFrame(SYNC_UPDATE, update));
      await first.roundTrip(); // the server has applied it; its commit waits for the lock
      second.ws.send(syncFrame(SYNC_UPDATE, update)); // nothing new for the server, but not durable yet either
      await second.roundTrip();
      expect(second.last()).toBe(0);
      expect(first.last()).toBe(0);
    } finally {
      await lock.release();
    }
    await waitFor(() => first.last() === 1 && second.last() === 1, 10_000, 'acks after the commit');
    expect(await second.acks[0]!.storedKeys).toContain('sent-twice');
    first.ws.close();
    second.ws.close();
  });

  it('stock clients (no ?ack=1) never receive message type 100', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const spied = spiedStockClient(server.wsUrl, designId, agent);
    const other = stockClient(server.wsUrl, designId, agent2);
    try {
      await Promise.all([synced(spied), synced(other)]);
      for (let i = 0; i < 20; i++) metaMap(spied.doc).set('stock-edit', i);
      await waitFor(() => metaMap(other.doc).get('stock-edit') === 19, 10_000, 'stock edits delivered');
      const room = server.rooms.peek(designId)!;
      await room.flush(); // committed: an ack, if any were sent, would be on its way now
      expect(metaMap(await docFromStore(server.store, designId)).get('stock-edit')).toBe(19);
      // A round trip after the commit: anything sent to the spied socket before it has arrived.
      metaMap(other.doc).set('round-trip', true);
      await waitFor(() => metaMap(spied.doc).get('round-trip') === true, 10_000, 'round trip');
      expect(spied.frames.length).toBeGreaterThan(2);
      expect(spied.frames.filter((f) => f[0] === MessageType.durableAck)).toEqual([]);
      expect(consoleError).not.toHaveBeenCalledWith('Unable to compute message');
    } finally {
      consoleError.mockRestore();
      spied.destroy();
      other.destroy();
    }
  });
});
