import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { DEMO } from '../test-support/identity.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../test-support/server.js';
import { FairHashQueue, HashQueueFull } from './hash-queue.js';

/**
 * Log-in throttling under concurrency: attempts are counted before the password is hashed (so a
 * burst of guesses cannot all be evaluated), and the hashing queue is bounded and fair per
 * client address (so one address hammering cannot make someone else's log-in wait).
 */
let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await freshPostgres();
  // A realistic share of the CPU per hash, so queueing shows.
  server = await startTestServer({ PASSWORD_SCRYPT_LOG_N: '15' }, { db: await db.open() });
});

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

/** POST /api/auth/login from a chosen loopback address (Linux routes all of 127/8 to us). */
function loginFrom(localAddress: string, email: string, password: string): Promise<{ status: number; code?: string; at: number }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ email, password });
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/api/auth/login',
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            code: (JSON.parse(text) as { error?: { code: string } }).error?.code,
            at: performance.now(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('log-in throttle under concurrency', () => {
  it('24 concurrent wrong passwords and the right one: no more than the limit (5) are evaluated', async () => {
    const attempts = [
      ...Array.from({ length: 24 }, (_, i) => loginFrom(`127.0.1.${(i % 6) + 1}`, DEMO.agent2, `wrong-${i}`)),
      loginFrom('127.0.1.9', DEMO.agent2, DEMO_PASSWORD),
    ];
    const results = await Promise.all(attempts);
    const evaluated = results.filter((r) => r.status === 200 || r.status === 401);
    expect(evaluated.length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(20);
    expect(results.every((r) => [200, 401, 429].includes(r.status))).toBe(true);
  });

  it('an address hammering with unknown emails is refused at once beyond its share, and does not hold up someone else', async () => {
    const attack = Array.from({ length: 60 }, (_, i) => loginFrom('127.0.2.1', `nobody-${i}@example.test`, 'guess'));
    // The attacker's hashes are queued and running when the legitimate log-in arrives.
    await new Promise((r) => setTimeout(r, 300));
    const started = performance.now();
    const legit = loginFrom('127.0.3.1', DEMO.brand, DEMO_PASSWORD);
    const [mine, ...theirs] = await Promise.all([legit, ...attack]);
    expect(mine!.status).toBe(200);
    const refused = theirs.filter((r) => r.status === 429);
    // Bounded per address: only a few are queued for hashing at a time, the rest get 429 at once,
    // and never more than the per-address limit (30 per window) are evaluated at all.
    expect(refused.length).toBeGreaterThanOrEqual(30);
    expect(refused.every((r) => r.code === 'login_busy' || r.code === 'too_many_attempts')).toBe(true);
    // Fair: the legitimate log-in did not wait behind the attacker's hashes.
    // While it waited, no more of the attacker's hashes finished than the attacker's share of the
    // queue (LOGIN_HASH_QUEUE_PER_CLIENT, 4), whatever the size of the attack.
    const hashedWhileIWaited = theirs.filter((r) => r.status === 401 && r.at > started && r.at < mine!.at).length;
    expect(hashedWhileIWaited).toBeLessThanOrEqual(4);
    console.info(
      `legitimate log-in during the attack: ${Math.round(mine!.at - started)} ms, ${hashedWhileIWaited} attacker hashes meanwhile`,
    );
  });
});

describe('the fair hashing queue', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('refuses beyond the per-client and the total bound at once, and serves the least recently served client next', async () => {
    const q = new FairHashQueue({ perClient: 3, total: 5 });
    const order: string[] = [];
    const job = (name: string) => async () => {
      order.push(name);
      await sleep(5);
    };
    const a = [q.run('a', job('a1')), q.run('a', job('a2')), q.run('a', job('a3'))];
    await expect(q.run('a', job('a4'))).rejects.toBeInstanceOf(HashQueueFull);
    const b = [q.run('b', job('b1')), q.run('b', job('b2'))];
    await expect(q.run('c', job('c1'))).rejects.toMatchObject({ scope: 'server' });
    await Promise.all([...a, ...b]);
    // a1 was already running; then b (never served) before a's next, alternating.
    expect(order).toEqual(['a1', 'b1', 'a2', 'b2', 'a3']);
    expect(q.pending).toBe(0);
    // The server's own work (seeding, dummy hash) is never refused.
    await Promise.all(Array.from({ length: 8 }, () => q.run('server', job('s'), false)));
  });
});
