/**
 * Several server processes behind one database and one Redis, as in
 * production: `server/main.ts` child processes sharing a fresh PostgreSQL
 * database and a throwaway redis-server this suite starts, kills and restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaMap, objectsMap } from '../../shared/index.js';
import { stockClient, synced, type StockClient } from '../test-support/clients.js';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { contentOf, converged, createDesign, editableIds } from '../test-support/docs.js';
import { startServerProcess, stopAllProcesses, throwawayRedis, type RedisProcess, type ServerProcess } from '../test-support/processes.js';
import { login, waitFor } from '../test-support/server.js';
import type { Db } from '../db/index.js';

let database: TestDatabase;
let redis: RedisProcess;
let a: ServerProcess;
let b: ServerProcess;
let late: ServerProcess | null = null;
let agent: string;
let agent2: string;
let designId: string;
const clients: StockClient[] = [];

// No periodic reconcile: after a Redis outage only the instances' own recovery (reconnect → reconcile,
// sequence-gap backfill) can bring them together again, so that is what the Redis case tests.
const env = () => ({ DATABASE_URL: database.url!, REDIS_URL: redis.url, ROOM_IDLE_MS: '60000', RECONCILE_MS: '3600000' });
const client = (server: ServerProcess, token = agent) => {
  const c = stockClient(server.wsUrl, designId, token);
  clients.push(c);
  return c;
};
// The server sets every presence's `user` from the authenticated person, so each client is told apart by its cursor.
const LABELS = ['Sam on A', 'Jamie on B', 'Sam during the outage', 'Riley on C'];
const cursorOf = (label: string) => ({ x: 100 + LABELS.indexOf(label), y: 0 });
const names = (c: StockClient) =>
  [...c.provider.awareness.getStates().values()].map((s) => LABELS[((s.cursor as { x?: number } | undefined)?.x ?? 0) - 100]);
let pool: Db | null = null;
const db = async () => (pool ??= await database.open());
const currentSeq = async () => {
  const { rows } = await (await db()).query<{ update_seq: number }>('SELECT update_seq FROM designs WHERE id = $1', [designId]);
  return Number(rows[0]!.update_seq);
};
const readyz = async (server: ServerProcess) =>
  (await fetch(`${server.url}/readyz`)).json() as Promise<{ ok: boolean; checks: Record<string, boolean> }>;

beforeAll(async () => {
  [database, redis] = await Promise.all([freshPostgres(), throwawayRedis()]);
  a = await startServerProcess({ ...env(), INSTANCE_ID: 'instance-a' }); // seeds the empty database
  b = await startServerProcess({ ...env(), INSTANCE_ID: 'instance-b' });
  [agent, agent2] = await Promise.all([login(a.url, 'agent@demo.realbrand.test'), login(b.url, 'agent2@demo.realbrand.test')]);
  designId = await createDesign(a.url, agent, 'multi-instance', ['agent2@demo.realbrand.test']);
}, 180_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await stopAllProcesses(); // server processes and redis-server, even when a case failed half-way
  await database?.drop();
});

describe('two instances, one database, one Redis', () => {
  it('clients on different instances converge', async () => {
    const ca = client(a);
    const cb = client(b, agent2);
    await Promise.all([synced(ca), synced(cb)]);
    const [first, second] = editableIds(ca.doc) as [string, string];
    objectsMap(ca.doc).get(first)!.set('x', 11);
    objectsMap(cb.doc).get(first)!.set('y', 22);
    objectsMap(cb.doc).get(second)!.set('text', 'from instance b');
    metaMap(ca.doc).set('title', 'from instance a');
    const content = await converged([ca.doc, cb.doc], 10_000);
    expect(objectsMap(ca.doc).get(second)!.get('text')).toBe('from instance b');
    expect(objectsMap(cb.doc).get(first)!.get('x')).toBe(11);
    expect(JSON.parse(content).meta.title).toBe('from instance a');
    ca.destroy();
    cb.destroy();
  });

  it('presence crosses instances, and leaving removes it there too', async () => {
    const ca = client(a);
    const cb = client(b, agent2);
    await Promise.all([synced(ca), synced(cb)]);
    ca.provider.awareness.setLocalStateField('cursor', cursorOf('Sam on A'));
    cb.provider.awareness.setLocalStateField('cursor', cursorOf('Jamie on B'));
    await waitFor(() => names(cb).includes('Sam on A') && names(ca).includes('Jamie on B'), 10_000, 'awareness across instances');
    ca.destroy();
    await waitFor(() => !names(cb).includes('Sam on A'), 10_000, 'presence removed on the other instance');
    cb.destroy();
  });

  it('Redis restarts mid-editing: both sides converge within 5 s after it is back', async () => {
    const ca = client(a);
    const cb = client(b, agent2);
    await Promise.all([synced(ca), synced(cb)]);
    await converged([ca.doc, cb.doc], 10_000);
    const ids = editableIds(ca.doc);

    const seqBefore = await currentSeq();
    await redis.kill();
    await waitFor(
      async () => (await readyz(a)).checks.redis === false && (await readyz(b)).checks.redis === false,
      10_000,
      'instances noticing Redis is gone',
    );
    for (let i = 0; i < 40; i++) {
      objectsMap(ca.doc)
        .get(ids[i % ids.length]!)!
        .set('x', 1000 + i);
      objectsMap(cb.doc)
        .get(ids[(i + 1) % ids.length]!)!
        .set('y', 2000 + i);
      if (i % 10 === 0) await new Promise((r) => setImmediate(r)); // spread the edits over several commits
    }
    metaMap(ca.doc).set('title', 'edited while Redis was down (A)');
    metaMap(cb.doc).set('background', '#fafafa');
    ca.provider.awareness.setLocalStateField('cursor', cursorOf('Sam during the outage'));
    // Both sides saved their edits (the log has them), but neither has heard of the other's.
    const saved = await waitFor(
      async () => ((await currentSeq()) >= seqBefore + 2 ? currentSeq() : null),
      10_000,
      'edits committed during the outage',
    );
    expect(saved).toBeGreaterThan(seqBefore);
    expect(metaMap(cb.doc).get('title')).not.toBe('edited while Redis was down (A)');
    expect(metaMap(ca.doc).get('background')).not.toBe('#fafafa');

    await redis.start();
    const back = Date.now();
    await converged([ca.doc, cb.doc], 5_000, 'convergence after Redis returned');
    expect(Date.now() - back).toBeLessThan(5_000);
    expect(metaMap(cb.doc).get('title')).toBe('edited while Redis was down (A)');
    expect(metaMap(ca.doc).get('background')).toBe('#fafafa');
    // The fan-out itself is back, presence included.
    await waitFor(async () => (await readyz(a)).ok && (await readyz(b)).ok, 10_000, 'readyz after Redis returned');
    await waitFor(() => names(cb).includes('Sam during the outage'), 10_000, 'presence re-announced after Redis returned');
    objectsMap(cb.doc).get(ids[0]!)!.set('angle', 45);
    await waitFor(() => objectsMap(ca.doc).get(ids[0]!)?.get('angle') === 45, 5_000, 'an edit after the restart');
    ca.destroy();
    cb.destroy();
  }, 60_000);

  it('an instance that starts late catches up, and its clients edit with the others', async () => {
    const ca = client(a);
    const cb = client(b, agent2);
    await Promise.all([synced(ca), synced(cb)]);
    metaMap(ca.doc).set('title', 'before the third instance');
    const before = await converged([ca.doc, cb.doc], 10_000);

    late = await startServerProcess({ ...env(), INSTANCE_ID: 'instance-c' });
    const cc = client(late);
    await synced(cc);
    expect(contentOf(cc.doc)).toBe(before);
    const ids = editableIds(cc.doc);
    objectsMap(cc.doc).get(ids[1]!)!.set('x', 333);
    objectsMap(ca.doc).get(ids[2]!)!.set('x', 111);
    await converged([ca.doc, cb.doc, cc.doc], 10_000);
    expect(objectsMap(cb.doc).get(ids[1]!)!.get('x')).toBe(333);
    expect(objectsMap(cc.doc).get(ids[2]!)!.get('x')).toBe(111);
    ca.destroy();
    cb.destroy();
    cc.destroy();
  }, 60_000);

  it('kill -9 of an instance: its clients’ cursors disappear at the other instances within 30 s', async () => {
    late ??= await startServerProcess({ ...env(), INSTANCE_ID: 'instance-c' });
    const ca = client(a);
    const cb = client(b, agent2);
    const doomed = client(late);
    await Promise.all([synced(ca), synced(cb), synced(doomed)]);
    doomed.provider.awareness.setLocalStateField('cursor', cursorOf('Riley on C'));
    await waitFor(() => names(ca).includes('Riley on C') && names(cb).includes('Riley on C'), 10_000, 'presence from C');

    // Just announced: the clients' own 30 s outdated-state timeout cannot fire before 30 s from now,
    // so a removal sooner than that is the servers' doing.
    const killedAt = Date.now();
    expect((await late.crash()).signal).toBe('SIGKILL');
    late = null;
    doomed.destroy();
    await waitFor(() => !names(ca).includes('Riley on C') && !names(cb).includes('Riley on C'), 35_000, 'dead instance’s presence removed');
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    // The survivors still work together.
    metaMap(ca.doc).set('title', 'after the crash');
    await waitFor(() => metaMap(cb.doc).get('title') === 'after the crash', 10_000, 'edit after the crash');
    ca.destroy();
    cb.destroy();
  }, 90_000);
});
