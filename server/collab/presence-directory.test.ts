import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, TEST_REDIS_URL, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';
import { stockClient, synced } from '../test-support/clients.js';

let db: TestDatabase;
let one: TestServer;
let two: TestServer;

beforeAll(async () => {
  db = await freshPostgres();
  // Two instances on one database and one Redis, like two processes behind a load balancer.
  one = await startTestServer({ REDIS_URL: TEST_REDIS_URL, DATABASE_URL: db.url! });
  two = await startTestServer({ REDIS_URL: TEST_REDIS_URL, DATABASE_URL: db.url!, SEED_DEMO: 'false' });
});

afterAll(async () => {
  await Promise.all([one?.close(), two?.close()]);
  await db?.drop();
});

describe('who is editing what, across instances', () => {
  it('shows a person editing on another instance, and forgets them when they leave', async () => {
    const agent = await login(two.url, 'agent@demo.realbrand.test');
    const admin = await login(one.url, 'admin@demo.realbrand.test');
    const { id } = (await api<{ id: string }>(two.url, agent, 'POST', '/api/designs', { title: 'Live now', templateId: 'listing-flyer' }))
      .body;
    const client = stockClient(two.wsUrl, id, agent);
    try {
      await synced(client);
      const seen = await waitFor(
        async () => {
          const r = await api<{ designs: Array<{ designId: string; title: string; people: Array<{ name: string }> }> }>(
            one.url,
            admin,
            'GET',
            '/api/admin/presence',
          );
          return r.body.designs.find((d) => d.designId === id);
        },
        8_000,
        'presence on the other instance',
      );
      expect(seen.title).toBe('Live now');
      expect(seen.people.map((p) => p.name)).toEqual(['Sam Carter']);
    } finally {
      client.destroy();
    }
    await waitFor(
      async () =>
        !(await api<{ designs: Array<{ designId: string }> }>(one.url, admin, 'GET', '/api/admin/presence')).body.designs.some(
          (d) => d.designId === id,
        ),
      8_000,
      'presence gone',
    );
    expect((await api(one.url, agent, 'GET', '/api/admin/presence')).status).toBe(403);
  });
});
