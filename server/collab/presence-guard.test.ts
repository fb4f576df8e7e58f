/**
 * Presence (awareness) from a hostile client: it may speak only for the awareness client ids
 * its own socket introduced, only with a small, well-formed state, and the name and colour
 * others see are the authenticated person's, set by the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { CloseCode, userColor } from '../../shared/index.js';
import { stockClient, synced, type StockClient } from '../test-support/clients.js';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { createDesign } from '../test-support/docs.js';
import { DEMO, shareDesign } from '../test-support/identity.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';

let db: TestDatabase;
let server: TestServer;
let agent: string;
let viewer: string;
let viewerId: string;
let agentId: string;
let designId: string;
let owner: StockClient;
let observer: StockClient;

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({ AWARENESS_THROTTLE_MS: '0' }, { db: await db.open() });
  [agent, viewer] = await Promise.all([login(server.url, DEMO.agent), login(server.url, DEMO.agent2)]);
  agentId = (await api<{ user: { id: string } }>(server.url, agent, 'GET', '/api/auth/me')).body.user.id;
  viewerId = (await api<{ user: { id: string } }>(server.url, viewer, 'GET', '/api/auth/me')).body.user.id;
  designId = await createDesign(server.url, agent, 'presence');
  await shareDesign(server.url, agent, designId, DEMO.agent2, 'view');
  owner = stockClient(server.wsUrl, designId, agent);
  observer = stockClient(server.wsUrl, designId, agent);
  await Promise.all([synced(owner), synced(observer)]);
  owner.provider.awareness.setLocalState({
    user: { id: agentId, name: 'Agent', color: userColor(agentId) },
    cursor: { x: 1, y: 2 },
    selection: [],
  });
  await waitFor(() => observer.provider.awareness.getStates().get(owner.doc.clientID), 5_000, 'the owner’s presence');
}, 120_000);

afterAll(async () => {
  owner?.destroy();
  observer?.destroy();
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

/** One awareness message: [clientId, clock, state JSON (or null)] entries. */
function awarenessFrame(entries: Array<[number, number, unknown]>): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(inner, id);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

/** A raw socket as the view-only colleague, joined to the room. */
async function hostile(token = viewer): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const ws = new WebSocket(`${server.wsUrl}/collab/${designId}?token=${token}`);
  let joined = false;
  ws.on('message', () => (joined = true));
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await waitFor(() => joined, 5_000, 'the room');
  return { ws, closed };
}

const ownerState = () =>
  observer.provider.awareness.getStates().get(owner.doc.clientID) as { user: { name: string }; cursor: { x: number } } | undefined;

describe('presence spoofing', () => {
  /** Sends `frames`, then a presence of the socket's own: once observers see that, the frames before it were handled. */
  async function sendThenMark(ws: WebSocket, frames: Uint8Array[], markId: number): Promise<void> {
    for (const f of frames) ws.send(f);
    ws.send(awarenessFrame([[markId, 1, { cursor: null }]]));
    await waitFor(() => observer.provider.awareness.getStates().has(markId), 5_000, 'the marker presence');
  }

  it("overwriting another person's presence is dropped (stock clients echo what they hear); observers keep the real one", async () => {
    const h = await hostile();
    const clock = (observer.provider.awareness.meta.get(owner.doc.clientID)?.clock ?? 0) + 10;
    await sendThenMark(
      h.ws,
      [awarenessFrame([[owner.doc.clientID, clock, { user: { id: agentId, name: 'Agent', color: '#000' }, cursor: { x: 999, y: 999 } }]])],
      0x0100001,
    );
    expect(ownerState()?.cursor.x).toBe(1);
    h.ws.close();
  });

  it("deleting another person's presence is dropped", async () => {
    const h = await hostile();
    const clock = (observer.provider.awareness.meta.get(owner.doc.clientID)?.clock ?? 0) + 10;
    await sendThenMark(h.ws, [awarenessFrame([[owner.doc.clientID, clock, null]])], 0x0100002);
    expect(ownerState()?.cursor.x).toBe(1);
    h.ws.close();
  });

  it('a made-up admin cursor shows the sender’s real name and colour', async () => {
    const h = await hostile();
    const fakeId = 0x1234567;
    h.ws.send(
      awarenessFrame([[fakeId, 1, { user: { id: 'admin-1', name: 'Brokerage Admin', color: '#ff0000' }, cursor: { x: 5, y: 5 } }]]),
    );
    const seen = await waitFor(
      () => observer.provider.awareness.getStates().get(fakeId) as { user: { id: string; name: string; color: string } } | undefined,
      5_000,
      'the new presence',
    );
    expect(seen.user.id).toBe(viewerId);
    expect(seen.user.name).not.toBe('Brokerage Admin');
    expect(seen.user.color).toBe(userColor(viewerId));
    // Its own id, it may update and remove.
    h.ws.send(awarenessFrame([[fakeId, 2, null]]));
    await waitFor(() => !observer.provider.awareness.getStates().has(fakeId), 5_000, 'the presence to go');
    h.ws.close();
  });

  it('an oversized state is refused before anyone sees it', async () => {
    const h = await hostile();
    const bigId = 0x2345678;
    h.ws.send(
      awarenessFrame([
        [bigId, 1, { user: { id: 'x', name: 'x', color: '#000' }, selection: ['x'.repeat(60)], junk: 'j'.repeat(3 * 1024 * 1024) }],
      ]),
    );
    const { code, reason } = await h.closed;
    expect(code).toBe(CloseCode.messageTooBig);
    expect(reason).toMatch(/presence/);
    await new Promise((r) => setTimeout(r, 200));
    expect(observer.provider.awareness.getStates().has(bigId)).toBe(false);
  });

  it('a state of the wrong shape is refused', async () => {
    const h = await hostile();
    h.ws.send(awarenessFrame([[0x3456789, 1, { user: 'me', cursor: 'everywhere' }]]));
    const { code, reason } = await h.closed;
    expect(code).toBe(CloseCode.invalidPayload);
    expect(reason).toMatch(/presence/);
    expect(observer.provider.awareness.getStates().has(0x3456789)).toBe(false);
  });

  it('one socket cannot claim a crowd of ids', async () => {
    const h = await hostile();
    const entries: Array<[number, number, unknown]> = Array.from({ length: 40 }, (_, i) => [
      0x4000000 + i,
      1,
      { user: { id: 'x', name: 'x', color: '#000' } },
    ]);
    h.ws.send(awarenessFrame(entries));
    const { code, reason } = await h.closed;
    expect(code).toBe(CloseCode.policyViolation);
    expect(reason).toMatch(/awareness client ids/);
    await new Promise((r) => setTimeout(r, 200));
    expect(observer.provider.awareness.getStates().has(0x4000000)).toBe(false);
  });

  it('the same person reconnecting takes over their own id (a stock client keeps it across reconnects)', async () => {
    const again = new WebSocket(`${server.wsUrl}/collab/${designId}?token=${agent}`);
    again.on('error', () => undefined);
    await new Promise((r) => again.once('message', r));
    const clock = (observer.provider.awareness.meta.get(owner.doc.clientID)?.clock ?? 0) + 1;
    again.send(
      awarenessFrame([[owner.doc.clientID, clock, { user: { id: agentId, name: 'Agent', color: '#000' }, cursor: { x: 7, y: 7 } }]]),
    );
    await waitFor(() => ownerState()?.cursor.x === 7, 5_000, 'the reconnected presence');
    again.close();
  });
});
