import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgres, freshPglite, type TestDatabase } from '../test-support/databases.js';
import { DEMO } from '../test-support/identity.js';
import { switchDemo } from './demo-switch.js';
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

describe('SEED_DEMO=false on a database that has the demo, and the switch', () => {
  let pg: TestDatabase;
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
    await servers[0]?.db.close();
    await pg?.drop();
  });

  it('SEED_DEMO=false leaves existing demo brokerages as they are (a cluster’s second instance starts so); switched off, a restart opens setup and the data stays', async () => {
    pg = await freshPglite();
    const db = await pg.open();
    const first = await startTestServer({}, { db });
    servers.push(first);
    const designs = await api<{ designs: unknown[] }>(first.url, await login(first.url, DEMO.agent), 'GET', '/api/designs');
    expect(designs.body.designs.length).toBeGreaterThan(0);
    expect(first.setupToken).toBeNull();

    const second = await startTestServer({ SEED_DEMO: 'false' }, { db });
    servers.push(second);
    const token = await login(second.url, DEMO.admin);
    expect(second.setupToken).toBeNull();

    expect((await switchDemo(db, false, 'cli')).map((b) => b.name)).toEqual(['Demo Realty', 'Rival Realty']);
    expect(await switchDemo(db, false, 'cli')).toEqual([]);
    expect(await loginStatus(second.url, DEMO.admin)).toEqual({ status: 403, code: 'brokerage_off' });
    expect(await loginStatus(second.url, DEMO.rival)).toEqual({ status: 403, code: 'brokerage_off' });
    await waitFor(async () => (await api(second.url, token, 'GET', '/api/auth/me')).status === 401, 15_000, 'the session to end');
    await first.close();
    await second.close();

    // Only switched-off demo brokerages: the deployment can be set up as a real brokerage.
    const third = await startTestServer({ SEED_DEMO: 'false' }, { db });
    servers.push(third);
    expect(third.setupToken).toMatch(/^setup1\./);
    const { rows } = await db.query<{ action: string; n: number }>(
      "SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'brokerage.switched_%' GROUP BY action",
    );
    expect(rows).toEqual([{ action: 'brokerage.switched_off', n: 2 }]);
    const kept = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE email LIKE '%.realbrand.test'");
    expect(kept.rows[0]!.n).toBe(5);
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
