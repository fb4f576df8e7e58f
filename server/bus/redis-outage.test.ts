/**
 * The crash of issue #23: with Redis gone, a live `score` push through socket.io's Redis
 * adapter used to reject (maxRetriesPerRequest: 1) with nobody catching it, and the
 * process exited. Edits that pause (as people's do) trigger the push.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectsMap } from '../../shared/index.js';
import { stockClient, synced, type StockClient } from '../test-support/clients.js';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { createDesign, editableIds } from '../test-support/docs.js';
import type { Db } from '../db/index.js';
import { startServerProcess, stopAllProcesses, throwawayRedis, type RedisProcess, type ServerProcess } from '../test-support/processes.js';
import { login, waitFor } from '../test-support/server.js';

let database: TestDatabase;
let redis: RedisProcess;
let server: ServerProcess;
let pool: Db | null = null;
const clients: StockClient[] = [];

beforeAll(async () => {
  [database, redis] = await Promise.all([freshPostgres(), throwawayRedis()]);
  server = await startServerProcess({ DATABASE_URL: database.url!, REDIS_URL: redis.url, INSTANCE_ID: 'outage-a' });
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await stopAllProcesses();
  await pool?.close();
  await database?.drop();
});

type Ready = { ok: boolean; degraded: string[]; checks: Record<string, boolean> };
const readyz = async () => {
  const res = await fetch(`${server.url}/readyz`);
  return { status: res.status, body: (await res.json()) as Ready };
};

describe('Redis goes away under a live editor', () => {
  it('the instance keeps running, saves and acknowledges edits, reports itself degraded, and recovers', async () => {
    const agent = await login(server.url, 'agent@demo.realbrand.test');
    const designId = await createDesign(server.url, agent, 'outage');
    const c = stockClient(server.wsUrl, designId, agent, { ack: '1' });
    clients.push(c);
    await synced(c);
    const [id] = editableIds(c.doc) as [string];
    const metrics = async () => (await fetch(`${server.url}/metrics`)).text();
    pool = await database.open();
    const rows = async () =>
      Number(
        (await pool!.query<{ n: number }>('SELECT count(*)::int AS n FROM design_updates WHERE design_id = $1', [designId])).rows[0]!.n,
      );
    const before = await rows();

    await redis.kill();
    // Edits with pauses: each pause lets live scoring push a changed score.
    for (let i = 0; i < 6; i++) {
      objectsMap(c.doc)
        .get(id)!
        .set('text', i % 2 ? 'Adults only, no children' : `Open house ${i}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    // The score pushes went out while Redis was away; an unhandled rejection would have ended the process by now.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(server.running, server.output()).toBe(true);
    // Every edit made during the outage is in the update log.
    await waitFor(async () => (await rows()) >= before + 6, 5_000, 'edits saved during the outage');
    await waitFor(async () => (await readyz()).status === 503, 10_000, 'readyz reporting the outage');
    const { body } = await readyz();
    expect(body.degraded).toContain('redis');
    expect(body.checks.database).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await metrics()).toMatch(/^realbrand_redis_up 0$/m);
    expect(server.running).toBe(true);

    await redis.start();
    await waitFor(async () => (await readyz()).status === 200, 10_000, 'readyz after Redis returned');
    expect(await metrics()).toMatch(/^realbrand_redis_up 1$/m);
    expect(server.running, server.output()).toBe(true);
  }, 60_000);
});

describe('an instance that starts while Redis is away', () => {
  it('starts, serves its own editors, and joins the bus when Redis comes', async () => {
    await redis.kill();
    const late = await startServerProcess({
      DATABASE_URL: database.url!,
      REDIS_URL: redis.url,
      INSTANCE_ID: 'outage-b',
      SEED_DEMO: 'false',
    });
    const res = await fetch(`${late.url}/readyz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as Ready).degraded).toEqual(['redis']);
    const agent = await login(late.url, 'agent@demo.realbrand.test');
    const designId = await createDesign(late.url, agent, 'started without redis');
    const c = stockClient(late.wsUrl, designId, agent);
    clients.push(c);
    await synced(c);
    await redis.start();
    await waitFor(async () => (await fetch(`${late.url}/readyz`)).status === 200, 10_000, 'ready once Redis is there');
    expect(late.running, late.output()).toBe(true);
  }, 60_000);
});
