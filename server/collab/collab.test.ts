import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, objectsMap } from '../../shared/index.js';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';
import { closeOf, stockClient, synced } from '../test-support/clients.js';
import { TokenSigner } from '../auth/index.js';
import { TEST_SECRET } from '../test-support/server.js';
import { browserLogin, shareDesign } from '../test-support/identity.js';

let db: TestDatabase;
let server: TestServer;
let agent: string;
let agent2: string;
let agentName: string;
let rival: string;
let designId: string;

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({}, { db: await db.open() });
  [agent, agent2, rival] = await Promise.all([
    login(server.url, 'agent@demo.realbrand.test'),
    login(server.url, 'agent2@demo.realbrand.test'),
    login(server.url, 'agent@rival.realbrand.test'),
  ]);
  agentName = (await api<{ user: { name: string } }>(server.url, agent, 'GET', '/api/auth/me')).body.user.name;
  const created = await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', {
    title: 'Collab test',
    templateId: 'listing-flyer',
  });
  designId = created.body.id;
  // Agents edit their own designs and those shared with them (server/auth/permissions.ts).
  await shareDesign(server.url, agent, designId, 'agent2@demo.realbrand.test', 'edit');
});

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

describe('stock y-websocket clients', () => {
  it('converge on concurrent edits to different properties of one object and to different objects', async () => {
    const a = stockClient(server.wsUrl, designId, agent);
    const b = stockClient(server.wsUrl, designId, agent2);
    try {
      await Promise.all([synced(a), synced(b)]);
      // Unlocked objects only: agents' changes to locked ones are reverted by the server (guard.test.ts).
      const ids = [...objectsMap(a.doc).entries()].filter(([, m]) => m.get('locked') !== true).map(([id]) => id);
      expect(ids.length).toBeGreaterThan(3);
      const [first, second] = ids as [string, string];
      // Concurrent: neither has seen the other's change when making its own.
      objectsMap(a.doc).get(first)!.set('x', 111);
      objectsMap(b.doc).get(first)!.set('y', 222);
      objectsMap(b.doc).get(second)!.set('opacity', 0.5);
      await waitFor(
        () =>
          objectsMap(a.doc).get(first)?.get('y') === 222 &&
          objectsMap(b.doc).get(first)?.get('x') === 111 &&
          objectsMap(a.doc).get(second)?.get('opacity') === 0.5,
        5_000,
        'convergence',
      );
      expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it('exchange awareness states', async () => {
    const a = stockClient(server.wsUrl, designId, agent);
    const b = stockClient(server.wsUrl, designId, agent2);
    try {
      await Promise.all([synced(a), synced(b)]);
      // The name others see is the authenticated person's, set by the server (not what the client wrote).
      a.provider.awareness.setLocalStateField('user', { id: 'a', name: 'Sam', color: '#f00' });
      await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === agentName, 5_000, 'awareness at b');
      a.destroy();
      await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 5_000, 'awareness removed at b');
    } finally {
      a.destroy();
      b.destroy();
    }
  });
});

describe('authentication and access', () => {
  const url = () => `${server.wsUrl}/collab/${designId}`;
  it('closes 4401 without a token', async () => {
    const { code, reason } = await closeOf(url());
    expect(code).toBe(CloseCode.unauthenticated);
    expect(reason).toMatch(/authentication/);
  });
  it('closes 4401 with a wrong token', async () => {
    expect((await closeOf(`${url()}?token=v1.abc.def`)).code).toBe(CloseCode.unauthenticated);
  });
  it('closes 4401 with an expired token', async () => {
    const expired = new TokenSigner(TEST_SECRET).sign({ sub: 'x', bid: 'y', sid: 'z', exp: 1 });
    const { code, reason } = await closeOf(`${url()}?token=${expired}`);
    expect(code).toBe(CloseCode.unauthenticated);
    expect(reason).toMatch(/expired/);
  });
  it('closes 4403 for another brokerage’s design', async () => {
    const { code, reason } = await closeOf(`${url()}?token=${rival}`);
    expect(code).toBe(CloseCode.forbidden);
    expect(reason.length).toBeGreaterThan(0);
  });
  it('closes 4404 for an unknown design', async () => {
    expect((await closeOf(`${server.wsUrl}/collab/does-not-exist?token=${agent}`)).code).toBe(CloseCode.notFound);
  });
  it('accepts the token as a bearer header', async () => {
    const c = stockClient(server.wsUrl, designId, '');
    c.destroy();
    const res = await new Promise<string>((resolve) => {
      import('ws').then(({ default: WS }) => {
        const ws = new WS(url(), { headers: { authorization: `Bearer ${agent}` } });
        ws.on('message', () => {
          ws.close();
          resolve('message');
        });
        ws.on('close', (code) => resolve(`closed ${code}`));
      });
    });
    expect(res).toBe('message');
  });
  it('accepts a browser’s session cookie, and its refresh cookie alone', async () => {
    const { default: WS } = await import('ws');
    const session = await browserLogin(server.url, 'agent@demo.realbrand.test');
    const firstMessage = (cookie: string) =>
      new Promise<string>((resolve) => {
        const ws = new WS(url(), { headers: { cookie } });
        ws.on('message', () => {
          ws.close();
          resolve('message');
        });
        ws.on('close', (code) => resolve(`closed ${code}`));
      });
    expect(await firstMessage(session.cookie)).toBe('message');
    expect(await firstMessage(session.cookie.replace(/rb_session=[^;]+;?\s*/, ''))).toBe('message');
    const { code } = await closeOf(url(), { cookie: 'rb_session=v1.abc.def' });
    expect(code).toBe(CloseCode.unauthenticated);
  });
  it('answers an upgrade to any other path with HTTP 404, never leaving it hanging', async () => {
    const { default: WS } = await import('ws');
    const statusOf = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WS(`${server.wsUrl}${path}?token=${agent}`);
        ws.on('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0);
          ws.terminate();
        });
        ws.on('open', () => reject(new Error(`${path} opened`)));
        ws.on('error', () => undefined);
      });
    expect(await statusOf('/elsewhere')).toBe(404);
    expect(await statusOf(`/collab/${designId}/more`)).toBe(404);
    expect(await closeOf(`${server.wsUrl}/collab/?token=${agent}`)).toMatchObject({ code: CloseCode.notFound });
  });
});
