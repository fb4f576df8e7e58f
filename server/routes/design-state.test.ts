import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { objectsMap, readDesign } from '../../shared/index.js';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';
import { stockClient, synced } from '../test-support/clients.js';

let db: TestDatabase;
let server: TestServer;
let agent: string;
let agent2: string;
let rival: string;

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({}, { db: await db.open() });
  [agent, agent2, rival] = await Promise.all([
    login(server.url, 'agent@demo.realbrand.test'),
    login(server.url, 'agent2@demo.realbrand.test'),
    login(server.url, 'agent@rival.realbrand.test'),
  ]);
});

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

const getState = (id: string, token?: string) =>
  fetch(`${server.url}/api/designs/${id}/state`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

async function docFrom(res: Response): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
  return doc;
}

async function create(title: string): Promise<string> {
  return (await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', { title, templateId: 'listing-flyer' })).body.id;
}

describe('GET /api/designs/:id/state', () => {
  it('returns the stored document of a design no one has open, as one binary Yjs update', async () => {
    const id = await create('State, stored');
    const res = await getState(id, agent);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const doc = await docFrom(res);
    const { design } = readDesign(doc);
    expect(design.meta.title).toBe('State, stored');
    expect(Object.keys(design.objects).length).toBeGreaterThan(3);
  });

  it('includes edits the live room holds, and matches what a socket client syncs', async () => {
    const id = await create('State, live');
    const c = stockClient(server.wsUrl, id, agent);
    try {
      await synced(c);
      const free = [...objectsMap(c.doc).entries()].find(([, m]) => m.get('locked') !== true)![0];
      objectsMap(c.doc).get(free)!.set('x', 321);
      const doc = await waitFor(
        async () => {
          const d = await docFrom(await getState(id, agent));
          return objectsMap(d).get(free)?.get('x') === 321 ? d : null;
        },
        5_000,
        'edit in the state',
      );
      expect(readDesign(doc).design).toEqual(readDesign(c.doc).design);
    } finally {
      c.destroy();
    }
  });

  it('serves the v2 update encoding on request, live and stored alike, and refuses an unknown one', async () => {
    const id = await create('State, v2');
    const asV2 = async () => {
      const res = await fetch(`${server.url}/api/designs/${id}/state?encoding=v2`, { headers: { authorization: `Bearer ${agent}` } });
      expect(res.status).toBe(200);
      const doc = new Y.Doc();
      Y.applyUpdateV2(doc, new Uint8Array(await res.arrayBuffer()));
      return readDesign(doc).design;
    };
    const v1 = readDesign(await docFrom(await getState(id, agent))).design;
    expect(await asV2()).toEqual(v1);
    const c = stockClient(server.wsUrl, id, agent);
    try {
      await synced(c);
      expect(await asV2()).toEqual(readDesign(c.doc).design);
    } finally {
      c.destroy();
    }
    const bad = await fetch(`${server.url}/api/designs/${id}/state?encoding=v9`, { headers: { authorization: `Bearer ${agent}` } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBeTruthy();
  });

  it('refuses who may not open the design, with JSON errors', async () => {
    const id = await create('State, private');
    const anonymous = await getState(id);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBeTruthy();
    // Another brokerage's agent, and a colleague it was not shared with.
    for (const token of [rival, agent2]) {
      const res = await getState(id, token);
      expect([403, 404]).toContain(res.status);
      expect(((await res.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
    }
    const unknown = await getState('no-such-design', agent);
    expect(unknown.status).toBe(404);
    const bad = await getState('bad%20id!', agent);
    expect(bad.status).toBe(400);
  });
});
