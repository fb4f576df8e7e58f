import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgres, freshPglite, type TestDatabase } from '../test-support/databases.js';
import { DEMO } from '../test-support/identity.js';
import { api, DEMO_PASSWORD, login, startTestServer, TEST_SECRET, waitFor, type TestServer } from '../test-support/server.js';

const run = promisify(execFile);

async function loginStatus(url: string, email: string): Promise<{ status: number; code?: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { error?: { code: string } };
  return { status: res.status, code: body.error?.code };
}

describe('SEED_DEMO=false on a database that has the demo', () => {
  let pg: TestDatabase;
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
    await servers[0]?.db.close();
    await pg?.drop();
  });

  it('switches the demo brokerages off at start: no sign-in, old sessions end, setup opens; the data stays', async () => {
    pg = await freshPglite();
    const db = await pg.open();
    const first = await startTestServer({}, { db });
    servers.push(first);
    const token = await login(first.url, DEMO.admin);
    const designs = await api<{ designs: unknown[] }>(first.url, await login(first.url, DEMO.agent), 'GET', '/api/designs');
    expect(designs.body.designs.length).toBeGreaterThan(0);
    expect(first.setupToken).toBeNull();
    await first.close();

    const second = await startTestServer({ SEED_DEMO: 'false' }, { db });
    servers.push(second);
    expect(await loginStatus(second.url, DEMO.admin)).toEqual({ status: 403, code: 'brokerage_off' });
    expect(await loginStatus(second.url, DEMO.rival)).toEqual({ status: 403, code: 'brokerage_off' });
    expect((await api(second.url, token, 'GET', '/api/auth/me')).status).toBe(401);
    // Only switched-off demo brokerages: the deployment can be set up as a real brokerage.
    expect(second.setupToken).toMatch(/^setup1\./);
    const { rows } = await db.query<{ action: string; n: number }>(
      "SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'brokerage.switched_%' GROUP BY action",
    );
    expect(rows).toEqual([{ action: 'brokerage.switched_off', n: 2 }]);
    const kept = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE email LIKE '%.realbrand.test'");
    expect(kept.rows[0]!.n).toBe(5);
    await second.close();

    // A third start with SEED_DEMO=false changes nothing more (one audit entry per switch, not per start).
    const third = await startTestServer({ SEED_DEMO: 'false' }, { db });
    servers.push(third);
    const again = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'brokerage.switched_off'");
    expect(again.rows[0]!.n).toBe(2);
  }, 120_000);
});

describe('npm run admin -- demo off | on | status (on a running server)', () => {
  let pg: TestDatabase;
  let s: TestServer;
  afterAll(async () => {
    await s?.close();
    await s?.db.close();
    await pg?.drop();
  });
  const admin = (...args: string[]) =>
    run('npx', ['tsx', 'server/admin-cli.ts', ...args], {
      env: { ...process.env, DATABASE_URL: pg.url, SESSION_SECRET: TEST_SECRET, LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });

  it('off refuses sign-in and ends sessions within seconds, hides them from list-brokerages; on restores them', async () => {
    pg = await freshPostgres();
    s = await startTestServer({}, { db: await pg.open() });
    const token = await login(s.url, DEMO.agent);
    expect((await admin('demo', 'status')).stdout).toMatch(/Demo Realty\s+on/);

    expect((await admin('demo', 'off')).stdout).toMatch(/Switched off Demo Realty, Rival Realty/);
    expect(await loginStatus(s.url, DEMO.agent)).toEqual({ status: 403, code: 'brokerage_off' });
    await waitFor(async () => (await api(s.url, token, 'GET', '/api/auth/me')).status === 401, 15_000, 'the old session to end');
    expect((await admin('demo', 'status')).stdout).toMatch(/Demo Realty\s+off/);
    const listed = (await admin('list-brokerages')).stdout;
    expect(listed).not.toMatch(/Demo Realty/);
    expect(listed).toMatch(/2 demo brokerages switched off, not listed/);
    expect((await admin('demo', 'off')).stdout).toMatch(/were off already/);

    expect((await admin('demo', 'on')).stdout).toMatch(/Switched on Demo Realty, Rival Realty/);
    expect(await login(s.url, DEMO.agent)).toBeTruthy();
    await expect(admin('demo', 'sideways')).rejects.toMatchObject({ code: 2 });
  }, 180_000);
});
