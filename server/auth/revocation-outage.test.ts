/**
 * A revocation is a database fact first; the bus only hurries it. Two instances on one
 * database share an in-process bus whose link this suite cuts, as a Redis outage would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/index.js';
import { InProcessHub, InProcessPubSub } from '../bus/index.js';
import { spiedStockClient } from '../test-support/docs.js';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { synced } from '../test-support/clients.js';
import { DEMO } from '../test-support/identity.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';

let pg: TestDatabase;
let s1: TestServer;
let s2: TestServer;
const hub = new InProcessHub();

beforeAll(async () => {
  pg = await freshPostgres();
  s1 = await startTestServer({}, { db: await pg.open(), bus: new InProcessPubSub(hub) });
  s2 = await startTestServer({ SEED_DEMO: 'false' }, { db: await pg.open(), bus: new InProcessPubSub(hub) });
});

afterAll(async () => {
  hub.restore();
  for (const s of [s1, s2]) {
    await s?.close();
    await s?.db.close();
  }
  await pg?.drop();
});

describe('access changes made while the bus is down', () => {
  it('a log-out on one instance closes the person’s socket on the other once the bus is back', async () => {
    const agent = await login(s1.url, DEMO.agent);
    const { id } = (await api<{ id: string }>(s1.url, agent, 'POST', '/api/designs', { title: 'Outage', templateId: 'listing-flyer' }))
      .body;
    const client = spiedStockClient(s2.wsUrl, id, agent);
    try {
      await synced(client);
      hub.cut();
      expect((await api(s1.url, agent, 'POST', '/api/auth/logout')).status).toBe(204);
      // The event could not travel: the socket on the other instance is still open.
      await new Promise((r) => setTimeout(r, 300));
      expect(client.closes).toEqual([]);
      hub.restore();
      const back = Date.now();
      const closed = await waitFor(() => client.closes[0], 5_000, 'the socket closed after the bus returned');
      expect(Date.now() - back).toBeLessThan(5_000);
      expect(closed.code).toBe(CloseCode.accessRevoked);
    } finally {
      client.destroy();
    }
  });

  it('a share removed during the outage is enforced on the other instance once the bus is back', async () => {
    const owner = await login(s1.url, DEMO.agent);
    const colleague = await login(s1.url, DEMO.agent2);
    const { id } = (await api<{ id: string }>(s1.url, owner, 'POST', '/api/designs', { title: 'Shared', templateId: 'listing-flyer' }))
      .body;
    const share = await api<{ id?: string; userId?: string }>(s1.url, owner, 'POST', `/api/designs/${id}/shares`, {
      email: DEMO.agent2,
      access: 'edit',
    });
    expect(share.status).toBe(201);
    const client = spiedStockClient(s2.wsUrl, id, colleague);
    try {
      await synced(client);
      hub.cut();
      const shares = await api<{ shares: Array<{ userId: string }> }>(s1.url, owner, 'GET', `/api/designs/${id}/shares`);
      const userId = shares.body.shares[0]!.userId;
      expect((await api(s1.url, owner, 'DELETE', `/api/designs/${id}/shares/${userId}`)).status).toBe(204);
      await new Promise((r) => setTimeout(r, 300));
      expect(client.closes).toEqual([]);
      hub.restore();
      const closed = await waitFor(() => client.closes[0], 5_000, 'the socket closed after the bus returned');
      expect(closed.code).toBe(CloseCode.accessRevoked);
    } finally {
      client.destroy();
    }
  });

  it('while the bus stays down, the database is asked instead: a log-out closes the socket on the other instance within seconds', async () => {
    const agent = await login(s1.url, DEMO.agent);
    const { id } = (await api<{ id: string }>(s1.url, agent, 'POST', '/api/designs', { title: 'Long outage', templateId: 'listing-flyer' }))
      .body;
    const client = spiedStockClient(s2.wsUrl, id, agent);
    try {
      await synced(client);
      hub.cut();
      const at = Date.now();
      expect((await api(s1.url, agent, 'POST', '/api/auth/logout')).status).toBe(204);
      const closed = await waitFor(() => client.closes[0], 8_000, 'the socket closed during the outage');
      expect(closed.code).toBe(CloseCode.accessRevoked);
      expect(Date.now() - at).toBeLessThan(8_000);
    } finally {
      hub.restore();
      client.destroy();
    }
  });
});
