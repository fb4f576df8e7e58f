/**
 * Hostile and broken input on the collaboration socket: each bad frame closes
 * only its own socket, with a fitting close code and a reason; the room, the
 * other clients and the stored document are unaffected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { CloseCode, metaMap, objectsMap } from '../../shared/index.js';
import { stockClient, synced, type StockClient } from '../test-support/clients.js';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { contentOf, createDesign, docFromStore, editableIds } from '../test-support/docs.js';
import { login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';

const MAX_MESSAGE_BYTES = 64 * 1024;

let database: TestDatabase;
let server: TestServer;
let agent: string;
let agent2: string;
let designId: string;
let alice: StockClient;
let bob: StockClient;
let probes = 0;

beforeAll(async () => {
  database = await freshPostgres();
  server = await startTestServer({ MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES), ROOM_IDLE_MS: '60000' }, { db: await database.open() });
  [agent, agent2] = await Promise.all([login(server.url, 'agent@demo.realbrand.test'), login(server.url, 'agent2@demo.realbrand.test')]);
  designId = await createDesign(server.url, agent, 'bad input', ['agent2@demo.realbrand.test']);
  alice = stockClient(server.wsUrl, designId, agent);
  bob = stockClient(server.wsUrl, designId, agent2);
  await Promise.all([synced(alice), synced(bob)]);
}, 120_000);

afterAll(async () => {
  alice?.destroy();
  bob?.destroy();
  await server?.close();
  await database?.drop();
});

// ---- raw sockets --------------------------------------------------------------

interface RawSocket {
  ws: WebSocket;
  frames: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  isClosed(): boolean;
}

/** A raw socket on the design; resolves once the server has joined it to the room (its sync step 1 arrived). */
async function rawSocket(query = '', waitForRoom = true): Promise<RawSocket> {
  const ws = new WebSocket(`${server.wsUrl}/collab/${designId}?token=${agent}${query}`);
  const frames: Uint8Array[] = [];
  let done = false;
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => {
      done = true;
      resolve({ code, reason: reason.toString() });
    }),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', () => reject(new Error('closed before open')));
  });
  if (waitForRoom) await waitFor(() => frames.length > 0, 10_000, 'server sync step 1');
  return { ws, frames, closed, isClosed: () => done };
}

const withTimeout = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms).unref())]);

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}
const syncFrame = (sub: number, payload: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, sub);
    encoding.writeVarUint8Array(e, payload);
  });
const awarenessFrame = (payload: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, payload);
  });

/** A valid update made by a doc of our own (one new meta key). */
function validUpdate(key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc();
  metaMap(doc).set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

/** The room and the other clients still work, and the stored document equals the live one. */
async function assertHealthy(): Promise<void> {
  const n = ++probes;
  metaMap(alice.doc).set('probe', n);
  await waitFor(() => metaMap(bob.doc).get('probe') === n, 10_000, 'an edit crossing the room');
  const room = server.rooms.peek(designId)!;
  expect(room).toBeDefined();
  await waitFor(() => contentOf(room.doc) === contentOf(alice.doc), 10_000, 'server has the edit');
  await room.flush();
  expect(contentOf(await docFromStore(server.store, designId))).toBe(contentOf(room.doc));
  expect(contentOf(bob.doc)).toBe(contentOf(room.doc));
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
}

// ---- malformed frames -----------------------------------------------------------

const awarenessWithBadJson = frame((e) => {
  encoding.writeVarUint(e, 1); // awareness
  encoding.writeVarUint8Array(
    e,
    frame((p) => {
      encoding.writeVarUint(p, 1); // one client
      encoding.writeVarUint(p, 4242); // client id
      encoding.writeVarUint(p, 1); // clock
      encoding.writeVarString(p, '{not json');
    }),
  );
});

const cases: Array<{ name: string; data: Uint8Array | string; code: number }> = [
  { name: 'bad varint (0xff × 10)', data: new Uint8Array(10).fill(0xff), code: CloseCode.invalidPayload },
  { name: 'empty frame', data: new Uint8Array(0), code: CloseCode.invalidPayload },
  { name: 'unknown message type', data: new Uint8Array([7, 1, 2]), code: CloseCode.unsupportedData },
  { name: 'unknown sync message type', data: new Uint8Array([0, 9, 1, 0]), code: CloseCode.unsupportedData },
  { name: 'truncated sync message', data: new Uint8Array([0, 2, 40, 1, 2, 3]), code: CloseCode.invalidPayload },
  { name: 'text frame', data: 'hello, server', code: CloseCode.unsupportedData },
  {
    name: 'sync message with trailing bytes',
    data: new Uint8Array([...syncFrame(2, validUpdate('trailing', 1)), 0, 0]),
    code: CloseCode.invalidPayload,
  },
  {
    name: 'malformed Yjs update in a valid sync frame',
    data: syncFrame(2, new Uint8Array([1, 2, 3, 255, 255, 7, 1])),
    code: CloseCode.invalidPayload,
  },
  { name: 'malformed Yjs update as sync step 2', data: syncFrame(1, new Uint8Array(10).fill(0xff)), code: CloseCode.invalidPayload },
  { name: 'malformed state vector in sync step 1', data: syncFrame(0, new Uint8Array([5, 255])), code: CloseCode.invalidPayload },
  { name: 'malformed awareness payload', data: awarenessFrame(new Uint8Array([5, 1, 2])), code: CloseCode.invalidPayload },
  { name: 'awareness state that is not JSON', data: awarenessWithBadJson, code: CloseCode.invalidPayload },
];

describe('malformed frames close only their own socket, with a code and a reason', () => {
  it.each(cases)('$name → $code', async ({ data, code }) => {
    const raw = await rawSocket();
    raw.ws.send(data, { binary: typeof data !== 'string' });
    const closed = await withTimeout(raw.closed, 10_000, 'close');
    expect(closed.code).toBe(code);
    expect(closed.reason.length).toBeGreaterThan(0);
    expect(metaMap(alice.doc).has('trailing')).toBe(false); // nothing of a rejected frame was applied
    await assertHealthy();
  });

  it.each(cases.filter((c) => ['bad varint (0xff × 10)', 'text frame', 'malformed Yjs update in a valid sync frame'].includes(c.name)))(
    '$name sent before the room is ready → $code',
    async ({ data, code }) => {
      const raw = await rawSocket('', false);
      raw.ws.send(data, { binary: typeof data !== 'string' });
      const closed = await withTimeout(raw.closed, 10_000, 'close');
      expect(closed.code).toBe(code);
      expect(closed.reason.length).toBeGreaterThan(0);
      await assertHealthy();
    },
  );

  it(`an oversized frame (> MAX_MESSAGE_BYTES = ${MAX_MESSAGE_BYTES}) → 1009`, async () => {
    const raw = await rawSocket();
    const big = new Y.Doc();
    metaMap(big).set('huge', 'x'.repeat(MAX_MESSAGE_BYTES + 1024));
    raw.ws.send(syncFrame(2, Y.encodeStateAsUpdate(big)));
    const closed = await withTimeout(raw.closed, 10_000, 'close');
    expect(closed.code).toBe(CloseCode.messageTooBig);
    expect(metaMap(alice.doc).has('huge')).toBe(false);
    await assertHealthy();
  });

  it('a few hundred seeded random frames: every close is 1003/1007 with a reason, never anything else', async () => {
    // mulberry32: the same frames on every run.
    let seed = 0x5eed1234;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
    const fuzzFrame = (): Uint8Array => {
      const r = random();
      const len = 1 + Math.floor(random() * 40);
      if (r < 0.4) return bytes(len); // anything at all
      if (r < 0.75) return syncFrame(Math.floor(random() * 3), bytes(len)); // a sync frame with a garbage payload
      if (r < 0.9) return awarenessFrame(bytes(len)); // an awareness frame with a garbage payload
      const valid = syncFrame(2, validUpdate(`fuzz-${Math.floor(random() * 4)}`, len));
      return valid.slice(0, 1 + Math.floor(random() * (valid.length - 1))); // a valid frame cut short
    };

    const FRAMES = 300;
    const closes = new Map<string, number>();
    let accepted = 0;
    let raw = await rawSocket();
    for (let i = 0; i < FRAMES; i++) {
      const data = fuzzFrame();
      // Query awareness right after: an answer means the fuzz frame was processed and accepted.
      const before = raw.frames.length;
      raw.ws.send(data);
      raw.ws.send(new Uint8Array([3]));
      const outcome = await withTimeout(
        Promise.race([
          raw.closed,
          waitFor(() => raw.frames.slice(before).some((f) => f[0] === 1), 10_000, 'awareness answer').then(() => null),
        ]),
        15_000,
        `outcome of fuzz frame ${i} [${[...data].join(',')}]`,
      );
      if (outcome === null) {
        accepted++;
        continue;
      }
      expect(
        [CloseCode.unsupportedData, CloseCode.invalidPayload],
        `frame ${i} [${[...data].join(',')}] closed with ${outcome.code} ${outcome.reason}`,
      ).toContain(outcome.code);
      expect(outcome.reason.length).toBeGreaterThan(0);
      closes.set(outcome.reason, (closes.get(outcome.reason) ?? 0) + 1);
      raw = await rawSocket();
      if (i % 100 === 99) await assertHealthy();
    }
    raw.ws.close();
    expect(accepted + [...closes.values()].reduce((x, y) => x + y, 0)).toBe(FRAMES);
    expect(closes.size).toBeGreaterThan(2); // the fuzzer reached several different checks
    await assertHealthy();
  }, 120_000);
});

describe('a flood from one client', () => {
  it('10,000 updates: the server stays up, others keep working, the stored document is sound', async () => {
    const carol = stockClient(server.wsUrl, designId, agent2);
    try {
      await synced(carol);
      const raw = await rawSocket();
      const local = new Y.Doc();
      const updates: Uint8Array[] = [];
      local.on('update', (u: Uint8Array) => updates.push(u));
      for (let i = 0; i < 10_000; i++) metaMap(local).set(`flood-${i % 50}`, i);
      for (const u of updates) raw.ws.send(syncFrame(2, u));

      // While the flood is being processed, a stock client's edit still reaches a third client.
      const id = editableIds(alice.doc)[0]!;
      objectsMap(alice.doc).get(id)!.set('text', 'during the flood');
      await waitFor(() => objectsMap(carol.doc).get(id)?.get('text') === 'during the flood', 30_000, 'edit during the flood');

      await waitFor(
        () => metaMap(carol.doc).get('flood-49') === 9_999 && metaMap(bob.doc).get('flood-0') === 9_950,
        30_000,
        'whole flood delivered',
      );
      expect(raw.isClosed()).toBe(false);
      raw.ws.close();
      await assertHealthy();
      // Cold load from the database equals what everyone sees live.
      expect(contentOf(await docFromStore(server.store, designId))).toBe(contentOf(carol.doc));
      expect(metaMap(await docFromStore(server.store, designId)).get('flood-7')).toBe(9_957);
    } finally {
      carol.destroy();
    }
  }, 90_000);
});
