import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { cookieHeader } from '../test-support/identity.js';
import { api, login, startTestServer, TEST_SECRET, type TestServer } from '../test-support/server.js';
import { brandKitFromBasics, rulePacksFor } from './brokerage.js';

const run = promisify(execFile);

describe('brand basics', () => {
  it('licensed states choose the compliance packs (federal always)', () => {
    expect(rulePacksFor(['CA', 'NV'])).toEqual(['federal', 'CA']);
    expect(rulePacksFor(['FL', 'TX'])).toEqual(['federal', 'TX', 'FL']);
    expect(rulePacksFor(['OR'])).toEqual(['federal', 'OR']);
    expect(rulePacksFor(['WY'])).toEqual(['federal']);
  });
  it('pre-fill the brand kit: colours, fonts, legal name', () => {
    const kit = brandKitFromBasics({
      name: 'Acme Realty',
      licensedStates: ['TX'],
      brand: { primaryColor: '#AA3300', secondaryColor: '#112233', headingFont: 'Georgia', bodyFont: 'Arial' },
    });
    expect(kit.palette.slice(0, 2)).toEqual([
      { name: 'Primary', hex: '#aa3300' },
      { name: 'Secondary', hex: '#112233' },
    ]);
    expect(kit.fonts.map((f) => `${f.role}:${f.family}`)).toEqual(['heading:Georgia', 'body:Arial', 'disclaimer:Arial']);
    expect(kit.brokerageLegalName).toBe('Acme Realty');
    expect(kit.rulePacks).toEqual(['federal', 'TX']);
  });
});

describe('first run', () => {
  let pg: TestDatabase;
  let s: TestServer;
  beforeAll(async () => {
    pg = await freshPostgres();
    s = await startTestServer({ SEED_DEMO: 'false' }, { db: await pg.open() });
  });
  afterAll(async () => {
    await s?.close();
    await s?.db.close();
    await pg?.drop();
  });

  const post = (path: string, body: unknown) =>
    fetch(`${s.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const setup = (token: string) => ({
    token,
    brokerage: {
      name: 'Lone Star Homes',
      licensedStates: ['TX', 'CA'],
      brand: { primaryColor: '#8b1e3f', headingFont: 'Montserrat', bodyFont: 'Open Sans' },
    },
    admin: { name: 'Alex Admin', email: 'alex@lonestar.test', password: 'a-first-admin-password' },
  });

  it('the one-time setup link creates the brokerage and its first admin, signs them in, and is gone for good', async () => {
    expect(s.setupToken).toMatch(/^setup1\./);
    expect(await (await fetch(`${s.url}/api/setup`)).json()).toMatchObject({ open: true });
    expect((await post('/api/setup/check', { token: `setup1.${'x'.repeat(43)}` })).status).toBe(404);
    expect((await post('/api/setup/check', { token: s.setupToken })).status).toBe(200);
    const bad = await post('/api/setup', {
      ...setup(s.setupToken!),
      brokerage: { name: '', licensedStates: ['XX'], brand: { primaryColor: 'red' } },
    });
    expect(bad.status).toBe(400);
    const res = await post('/api/setup', setup(s.setupToken!));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { user: { role: string; brokerageName: string } };
    expect(body.user).toMatchObject({ role: 'admin', brokerageName: 'Lone Star Homes' });
    // Signed in by cookie.
    const me = await fetch(`${s.url}/api/auth/me`, { headers: { cookie: cookieHeader(res) } });
    expect(me.status).toBe(200);
    const token = await login(s.url, 'alex@lonestar.test', 'a-first-admin-password');
    const kit = await api<{ rulePacks: string[]; palette: Array<{ hex: string }> }>(s.url, token, 'GET', '/api/brand-kit');
    expect(kit.body.rulePacks).toEqual(['federal', 'TX', 'CA']);
    expect(kit.body.palette[0]!.hex).toBe('#8b1e3f');
    // Gone: the same link, and the state says so.
    expect(
      (await post('/api/setup', { ...setup(s.setupToken!), admin: { ...setup('').admin, email: 'second@lonestar.test' } })).status,
    ).toBe(404);
    expect(await (await fetch(`${s.url}/api/setup`)).json()).toMatchObject({ open: false });
    const audit = await api<{ entries: Array<{ action: string }> }>(s.url, token, 'GET', '/api/admin/audit?action=brokerage.created');
    expect(audit.body.entries).toHaveLength(1);
  });

  it('a restart on a database with a brokerage prints no setup link', async () => {
    const again = await startTestServer({ SEED_DEMO: 'false' }, { db: await pg.open() });
    try {
      expect(again.setupToken).toBeNull();
    } finally {
      await again.close();
    }
  });
});

describe('operator command line', () => {
  let pg: TestDatabase;
  let s: TestServer;
  beforeAll(async () => {
    pg = await freshPostgres();
    s = await startTestServer({ SEED_DEMO: 'false' }, { db: await pg.open() });
  });
  afterAll(async () => {
    await s?.close();
    await s?.db.close();
    await pg?.drop();
  });
  const admin = (...args: string[]) =>
    run('npx', ['tsx', 'server/admin-cli.ts', ...args], {
      env: { ...process.env, DATABASE_URL: pg.url, PUBLIC_URL: s.url, SESSION_SECRET: TEST_SECRET, LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });
  const post = (path: string, body: unknown) =>
    fetch(`${s.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('create-brokerage prints a working invitation for the first admin; list-brokerages lists it; reset-password prints a working link', async () => {
    const created = await admin('create-brokerage', '--name', 'Bay Realty', '--admin-email', 'Bea@Bay.test', '--states', 'CA');
    const link = /(http\S+\/invite\/(inv1\.[\w-]+))/.exec(created.stdout);
    expect(link, created.stdout).not.toBeNull();
    expect(link![1]!.startsWith(s.url)).toBe(true);
    const preview = await post('/api/invites/preview', { token: link![2] });
    expect(await preview.json()).toMatchObject({ email: 'bea@bay.test', role: 'admin', brokerageName: 'Bay Realty' });
    expect((await post('/api/invites/accept', { token: link![2], name: 'Bea Admin', password: 'bea-first-password' })).status).toBe(201);
    const bea = await login(s.url, 'bea@bay.test', 'bea-first-password');
    expect((await api<{ rulePacks: string[] }>(s.url, bea, 'GET', '/api/brand-kit')).body.rulePacks).toEqual(['federal', 'CA']);

    const listed = await admin('list-brokerages');
    expect(listed.stdout).toMatch(/Bay Realty\s+\(1 active, 1 admin;/);

    const reset = await admin('reset-password', '--email', 'bea@bay.test');
    const resetToken = /\/reset-password\/(pwr1\.[\w-]+)/.exec(reset.stdout)![1];
    expect((await post('/api/auth/password-reset/complete', { token: resetToken, password: 'bea-second-password' })).status).toBe(200);
    expect(await login(s.url, 'bea@bay.test', 'bea-second-password')).toBeTruthy();

    await expect(admin('create-brokerage', '--name', 'Dup', '--admin-email', 'bea@bay.test')).rejects.toMatchObject({ code: 2 });
    await expect(admin('reset-password', '--email', 'nobody@bay.test')).rejects.toMatchObject({ code: 2 });
  }, 180_000);
});
