/**
 * Updates that Yjs cannot integrate yet (structs or deletions that refer to clocks the
 * server does not have) sent by crafted clients: the server keeps none of it, so nothing
 * can fire later inside someone else's change, nothing is handed to new clients, and
 * nothing piles up past the document limit. Raw protocol clients, real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { CloseCode, metaMap, objectsMap } from '../../shared/index.js';
import { stockClient, synced } from '../test-support/clients.js';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { createDesign, docFromStore } from '../test-support/docs.js';
import { DEMO } from '../test-support/identity.js';
import { deleteSetUpdate, editOf, rawCollab, syncFrame, writersOf, type RawCollab } from '../test-support/raw-collab.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';

let database: TestDatabase;
let server: TestServer;
let agent: string;
let brand: string;
const open: Array<{ destroy(): void } | RawCollab> = [];

beforeAll(async () => {
  database = await freshPostgres();
  server = await startTestServer({ ROOM_IDLE_MS: '60000', MAX_DOCUMENT_BYTES: String(8 * 1024 * 1024) }, { db: await database.open() });
  [agent, brand] = await Promise.all([login(server.url, DEMO.agent), login(server.url, DEMO.brand)]);
}, 120_000);

afterAll(async () => {
  for (const c of open) 'destroy' in c ? c.destroy() : c.close();
  await server?.close();
  await database?.drop();
});

const raw = async (designId: string, token = agent) => {
  const c = await rawCollab(server.wsUrl, designId, token);
  open.push(c);
  return c;
};
const stock = async (designId: string, token: string) => {
  const c = stockClient(server.wsUrl, designId, token);
  open.push(c);
  await synced(c);
  return c;
};
const lockedLogo = (doc: Y.Doc) => [...objectsMap(doc).entries()].find(([, m]) => m.get('role') === 'logo' && m.get('locked') === true)![0];
const anUnlocked = (doc: Y.Doc) => [...objectsMap(doc).entries()].find(([, m]) => m.get('locked') !== true)![0];

/** Whether the server sent this client a sync step 1 after frame index `from` (asking it to sync again). */
const askedToSync = (c: RawCollab, from: number) => c.frames.slice(from).some((f) => f[0] === 0 && f[1] === 0);

describe('a parked delete set', () => {
  it('covering the items the server writes next cannot unlock a locked object, whoever triggers it', async () => {
    const designId = await createDesign(server.url, agent, 'parked ds', [DEMO.brand]);
    const mallory = await raw(designId);
    const logo = lockedLogo(mallory.doc);

    // 1. A server-made change (a version restore the agent asks for) shows mallory the server's client id and next clock.
    const free = anUnlocked(mallory.doc);
    const version = await api<{ id: string }>(server.url, agent, 'POST', `/api/designs/${designId}/versions`, { name: 'before' });
    expect(version.status).toBe(201);
    mallory.sendUpdate(editOf(mallory.doc, (d) => objectsMap(d).get(free)!.set('x', 321)));
    await waitFor(() => objectsMap(server.rooms.peek(designId)!.doc).get(free)?.get('x') === 321, 5_000, 'agent edit');
    const seen = mallory.updates.length;
    expect((await api(server.url, agent, 'POST', `/api/designs/${designId}/versions/${version.body.id}/restore`)).status).toBe(200);
    await waitFor(() => mallory.updates.length > seen, 5_000, 'the restore');
    const [serverClient] = [...writersOf(mallory.updates.at(-1)!)];
    const next = Y.getState(mallory.doc.store, serverClient!);

    // 2. Park a deletion of the server's next 1,000 clocks, then unlock the logo: its revert is written at exactly those clocks.
    mallory.sendUpdate(deleteSetUpdate([[serverClient!, next, 1_000]]), false);
    mallory.sendUpdate(editOf(mallory.doc, (d) => objectsMap(d).get(logo)!.set('locked', false)));
    await waitFor(
      () => Y.getState(mallory.doc.store, serverClient!) > next && objectsMap(mallory.doc).get(logo)!.get('locked') === true,
      5_000,
      'the revert',
    );

    // 3. A brand manager's unrelated edit (allowed to touch locks) would release the parked deletion.
    const bm = await stock(designId, brand);
    objectsMap(bm.doc).get(free)!.set('opacity', 0.5);
    const room = server.rooms.peek(designId)!;
    await waitFor(() => objectsMap(room.doc).get(free)?.get('opacity') === 0.5, 5_000, 'brand manager edit on the server');

    expect(objectsMap(room.doc).get(logo)!.get('locked')).toBe(true);
    expect(room.doc.store.pendingDs).toBeNull();
    await waitFor(() => objectsMap(mallory.doc).get(free)?.get('opacity') === 0.5, 5_000, 'edit fanned out');
    expect(objectsMap(bm.doc).get(logo)!.get('locked')).toBe(true);
    await room.flush();
    const stored = await docFromStore(server.store, designId);
    expect(objectsMap(stored).get(logo)!.get('locked')).toBe(true);

    // A client joining now gets nothing parked (before: the pending delete set was in every sync step 2).
    const late = await raw(designId, brand);
    expect(late.doc.store.pendingDs).toBeNull();
    expect(objectsMap(late.doc).get(logo)!.get('locked')).toBe(true);
  });
});

describe('parked structs', () => {
  it('an update with a missing first clock is not kept: no pending structs, no growth, the sender is asked to sync', async () => {
    const designId = await createDesign(server.url, agent, 'parked structs');
    const mallory = await raw(designId);
    const room = server.rooms.peek(designId)!;
    const sizeBefore = Y.encodeStateAsUpdate(room.doc).byteLength;

    // Each update is a client's second change (clock 1) without its first: it depends on something the server never had.
    const withoutFirst: Uint8Array[] = [];
    for (let i = 0; i < 20; i++) {
      const doc = new Y.Doc();
      doc.clientID = 0xbad0 + i;
      metaMap(doc).set('first', 1);
      const sv = Y.encodeStateVector(doc);
      metaMap(doc).set(`flood-${i}`, 'x'.repeat(200_000));
      withoutFirst.push(Y.encodeStateAsUpdate(doc, sv));
    }
    const framesBefore = mallory.frames.length;
    for (const u of withoutFirst) mallory.sendUpdate(u, false);
    // A query-awareness after them: its answer means all of them were processed.
    mallory.send(new Uint8Array([3]));
    await waitFor(() => mallory.frames.slice(framesBefore).some((f) => f[0] === 1), 5_000, 'flood processed');

    expect(room.doc.store.pendingStructs).toBeNull();
    expect(metaMap(room.doc).has('flood-0')).toBe(false);
    expect(Y.encodeStateAsUpdate(room.doc).byteLength).toBeLessThan(sizeBefore + 1_000);
    const state = await fetch(`${server.url}/api/designs/${designId}/state`, { headers: { authorization: `Bearer ${agent}` } });
    expect((await state.arrayBuffer()).byteLength).toBeLessThan(sizeBefore + 1_000);
    expect(askedToSync(mallory, framesBefore)).toBe(true);
    expect(mallory.isClosed()).toBe(false);
  });

  it('an honest client whose edit races its offline edits loses nothing: it answers the sync request', async () => {
    const designId = await createDesign(server.url, agent, 'honest race');
    const alice = await raw(designId);
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(alice.doc));
    const id = anUnlocked(local);
    // Offline: two edits, the second on top of the first. Online, the second goes out before the sync.
    const sv0 = Y.encodeStateVector(local);
    objectsMap(local).get(id)!.set('opacity', 0.3);
    const sv1 = Y.encodeStateVector(local);
    objectsMap(local).get(id)!.set('opacity', 0.7);
    const second = Y.encodeStateAsUpdate(local, sv1);
    expect(sv0).not.toEqual(sv1);

    const from = alice.frames.length;
    alice.sendUpdate(second, false);
    await waitFor(() => askedToSync(alice, from), 5_000, 'sync request');
    // What a stock client does with a sync step 1: answer with what the server lacks.
    const request = alice.frames.slice(from).find((f) => f[0] === 0 && f[1] === 0)!;
    const d = decoding.createDecoder(request);
    decoding.readVarUint(d);
    decoding.readVarUint(d);
    alice.send(syncFrame(1, Y.encodeStateAsUpdate(local, decoding.readVarUint8Array(d))));
    const room = server.rooms.peek(designId)!;
    await waitFor(() => objectsMap(room.doc).get(id)?.get('opacity') === 0.7, 5_000, 'both edits on the server');
    expect(room.doc.store.pendingStructs).toBeNull();
  });
});

/** The state vector of a client that wrote one item. */
function stateVectorOf(clientID: number): Uint8Array {
  const d = new Y.Doc();
  d.clientID = clientID;
  metaMap(d).set('k', 1);
  return Y.encodeStateVector(d);
}

describe('sync requests', () => {
  it('a flood of tiny sync step 1 messages is closed with 1008, and answers are cached until the document changes', async () => {
    const designId = await createDesign(server.url, agent, 'sync flood');
    const mallory = await raw(designId);
    const room = server.rooms.peek(designId)!;
    const empty = new Uint8Array([0]);
    expect(room.encodeState(empty)).toBe(room.encodeState(empty));
    const before = room.encodeState(empty);
    metaMap((await stock(designId, agent)).doc).set('touched', 1);
    await waitFor(() => metaMap(room.doc).get('touched') === 1, 5_000, 'edit');
    expect(room.encodeState(empty)).not.toBe(before);

    // The same request over and over is answered from the cache; distinct ones each cost an encoding.
    for (let i = 0; i < 40; i++) mallory.send(syncFrame(0, empty));
    mallory.send(new Uint8Array([3]));
    await waitFor(() => mallory.frames.some((f) => f[0] === 1) || mallory.isClosed(), 5_000, 'requests answered');
    expect(mallory.isClosed()).toBe(false);
    for (let i = 0; i < 40; i++) mallory.send(syncFrame(0, stateVectorOf(1_000 + i)));
    const closed = await mallory.closed;
    expect(closed.code).toBe(CloseCode.policyViolation);
    expect(closed.reason).toMatch(/sync requests/);
  });
});
