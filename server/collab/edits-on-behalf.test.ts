/**
 * Changes the server makes on someone's behalf (a version restore, a listing
 * update with `force`) are that person's edits: the collaboration guard judges
 * them like the same change sent by their socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { objectsMap } from '../../shared/index.js';
import { fixture } from '../test-support/reso-fixtures/index.js';
import { stockClient, synced, type StockClient } from '../test-support/clients.js';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { createDesign, docFromStore } from '../test-support/docs.js';
import { DEMO, shareDesign } from '../test-support/identity.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';

let db: TestDatabase;
let server: TestServer;
let agent: string;
let brand: string;
const clients: StockClient[] = [];

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({ ROOM_IDLE_MS: '60000' }, { db: await db.open() });
  [agent, brand] = await Promise.all([login(server.url, DEMO.agent), login(server.url, DEMO.brand)]);
}, 180_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

const client = async (designId: string, token: string) => {
  const c = stockClient(server.wsUrl, designId, token);
  clients.push(c);
  await synced(c);
  return c;
};
const withRole = (doc: Y.Doc, role: string) => [...objectsMap(doc).entries()].find(([, m]) => m.get('role') === role)![0];
const live = (designId: string) => objectsMap(server.rooms.peek(designId)!.doc);

describe('version restore', () => {
  it("by an agent keeps locked objects as they are now (changed text, locked objects added since); the agent's own changes are restored", async () => {
    const designId = await createDesign(server.url, agent, 'restore vs locks', [DEMO.brand]);
    const version = await api<{ id: string }>(server.url, agent, 'POST', `/api/designs/${designId}/versions`, { name: 'v1' });
    expect(version.status).toBe(201);

    const bm = await client(designId, brand);
    const disclaimer = withRole(bm.doc, 'disclaimer');
    expect(objectsMap(bm.doc).get(disclaimer)!.get('locked')).toBe(true);
    const free = [...objectsMap(bm.doc).entries()].find(([, m]) => m.get('locked') !== true)![0];
    const freeX = objectsMap(bm.doc).get(free)!.get('x');
    // Since v1: the brand manager rewrote the locked disclaimer and added a locked badge; the agent moved a free object.
    objectsMap(bm.doc).get(disclaimer)!.set('text', 'Disclaimer, second edition.');
    objectsMap(bm.doc).set(
      'badge',
      new Y.Map<unknown>(
        Object.entries({ type: 'rect', x: 1, y: 1, width: 10, height: 10, angle: 0, z: 'z9', fill: '#000000', locked: true }),
      ),
    );
    const ag = await client(designId, agent);
    await waitFor(() => objectsMap(ag.doc).has('badge'), 5_000, 'badge at the agent');
    objectsMap(ag.doc).get(free)!.set('x', 777);
    await waitFor(() => live(designId).get(free)?.get('x') === 777, 5_000, 'agent move on the server');

    const restored = await api<{ design: { objects: Record<string, { text?: string; x: number }> } }>(
      server.url,
      agent,
      'POST',
      `/api/designs/${designId}/versions/${version.body.id}/restore`,
    );
    expect(restored.status).toBe(200);
    expect(restored.body.design.objects[disclaimer]!.text).toBe('Disclaimer, second edition.');
    expect(restored.body.design.objects.badge).toBeDefined();
    expect(restored.body.design.objects[free]!.x).toBe(freeX);
    // Live, at the brand manager, and stored.
    await waitFor(() => objectsMap(bm.doc).get(free)?.get('x') === freeX, 5_000, 'restore reached the brand manager');
    expect(objectsMap(bm.doc).get(disclaimer)!.get('text')).toBe('Disclaimer, second edition.');
    expect(objectsMap(bm.doc).get('badge')?.get('locked')).toBe(true);
    await server.rooms.peek(designId)!.flush();
    const stored = await docFromStore(server.store, designId);
    expect(objectsMap(stored).get(disclaimer)!.get('text')).toBe('Disclaimer, second edition.');
    expect(objectsMap(stored).has('badge')).toBe(true);

    // The brand manager may change locked objects: their restore brings v1 back whole.
    expect((await api(server.url, brand, 'POST', `/api/designs/${designId}/versions/${version.body.id}/restore`)).status).toBe(200);
    await waitFor(() => !objectsMap(ag.doc).has('badge'), 5_000, 'brand manager restore at the agent');
    expect(objectsMap(ag.doc).get(disclaimer)!.get('text')).not.toBe('Disclaimer, second edition.');
  });
});

describe('listing update with force', () => {
  it('by an agent does not overwrite a locked bound field: it is reported as kept', async () => {
    const imported = await api<{ listings: { id: string }[] }>(
      server.url,
      agent,
      'POST',
      '/api/listings/import',
      fixture('single-property'),
    );
    expect(imported.status).toBe(200);
    const listingId = imported.body.listings[0]!.id;
    const created = await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', {
      title: 'locked price',
      templateId: 'listing-flyer',
      listingId,
    });
    expect(created.status).toBe(201);
    const designId = created.body.id;
    await shareDesign(server.url, agent, designId, DEMO.brand, 'edit');

    // The brand manager locks the price.
    const bm = await client(designId, brand);
    expect(objectsMap(bm.doc).get('price')!.get('text')).toBe('$1,250,000');
    objectsMap(bm.doc).get('price')!.set('locked', true);
    await waitFor(() => live(designId).get('price')?.get('locked') === true, 5_000, 'lock on the server');
    bm.destroy();

    expect((await api(server.url, agent, 'POST', '/api/listings/import', fixture('price-drop'))).status).toBe(200);
    const byAgent = await api<{ applied: { objectId: string }[]; kept: { objectId: string; locked?: boolean }[] }>(
      server.url,
      agent,
      'POST',
      `/api/designs/${designId}/listing-update`,
      { force: true },
    );
    expect(byAgent.status).toBe(200);
    expect(byAgent.body.applied.map((a) => a.objectId)).not.toContain('price');
    expect(byAgent.body.kept).toContainEqual(expect.objectContaining({ objectId: 'price', locked: true }));
    expect(live(designId).get('price')!.get('text')).toBe('$1,250,000');
    await server.rooms.peek(designId)!.flush();
    expect(
      objectsMap(await docFromStore(server.store, designId))
        .get('price')!
        .get('text'),
    ).toBe('$1,250,000');
  });
});
