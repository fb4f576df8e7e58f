import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { DEMO } from '../test-support/identity.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';

let pg: TestDatabase;
let s: TestServer;
const t: Record<'admin' | 'brand' | 'agent' | 'rival', string> = { admin: '', brand: '', agent: '', rival: '' };
beforeAll(async () => {
  pg = await freshPglite();
  s = await startTestServer({}, { db: await pg.open() });
  for (const who of Object.keys(t) as Array<keyof typeof t>) t[who] = await login(s.url, DEMO[who]);
});
afterAll(async () => {
  await s?.close();
  await s?.db.close();
  await pg?.drop();
});

type View = { name: string; licensedStates: string[]; rulePacks: string[] };

describe('admins run the brokerage: name and licensed states', () => {
  it('reads the brokerage; states fall back to the brand kit’s state packs when setup never stored them', async () => {
    const res = await api<View>(s.url, t.admin, 'GET', '/api/admin/brokerage');
    expect(res.status).toBe(200);
    expect(res.body.name).toBeTruthy();
    expect(res.body.rulePacks).toContain('federal');
    expect(res.body.licensedStates.every((st) => res.body.rulePacks.includes(st))).toBe(true);
    // The demo kit has the TX pack, so the panel must show TX ticked (it showed none).
    expect(res.body.rulePacks).toEqual(['federal', 'TX']);
    expect(res.body.licensedStates).toEqual(['TX']);
  });

  it('only admins read or change it (agents and brand managers: 403)', async () => {
    for (const who of ['agent', 'brand'] as const) {
      expect((await api(s.url, t[who], 'GET', '/api/admin/brokerage')).status).toBe(403);
      expect((await api(s.url, t[who], 'PUT', '/api/admin/brokerage', { name: 'Mine now', licensedStates: ['TX'] })).status).toBe(403);
    }
    expect((await api(s.url, '', 'GET', '/api/admin/brokerage')).status).toBe(401);
  });

  it('renames it and sets the states: the rule packs follow, the change is audited, the rival brokerage is untouched', async () => {
    const rivalBefore = await api<View>(s.url, t.rival, 'GET', '/api/brand-kit');
    const saved = await api<View>(s.url, t.admin, 'PUT', '/api/admin/brokerage', {
      name: '  Lone Star Homes  ',
      licensedStates: ['CA', 'NV'],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ name: 'Lone Star Homes', licensedStates: ['CA', 'NV'], rulePacks: ['federal', 'CA'] });
    expect((await api<View>(s.url, t.admin, 'GET', '/api/admin/brokerage')).body).toEqual(saved.body);
    // The brand kit (what the compliance checks read) has the packs too.
    const kit = await api<{ rulePacks: string[] }>(s.url, t.brand, 'GET', '/api/brand-kit');
    expect(kit.body.rulePacks).toEqual(['federal', 'CA']);
    expect((await api(s.url, t.rival, 'GET', '/api/brand-kit')).body).toEqual(rivalBefore.body);

    const audit = await api<{ entries: Array<{ action: string; details: { before: View; after: View } }> }>(
      s.url,
      t.admin,
      'GET',
      '/api/admin/audit?action=brokerage.updated',
    );
    expect(audit.body.entries).toHaveLength(1);
    expect(audit.body.entries[0]!.details.after).toEqual({
      name: 'Lone Star Homes',
      licensedStates: ['CA', 'NV'],
      rulePacks: ['federal', 'CA'],
    });
    expect(audit.body.entries[0]!.details.before.rulePacks).toContain('federal');
  });

  it('refuses bad input with 400 and the field at fault, and changes nothing', async () => {
    const before = (await api<View>(s.url, t.admin, 'GET', '/api/admin/brokerage')).body;
    for (const body of [
      { name: '', licensedStates: ['TX'] },
      { name: 'X', licensedStates: [] },
      { name: 'X', licensedStates: ['ZZ'] },
      { name: 'X', licensedStates: ['TX', 'TX'] },
      { name: 'X', licensedStates: ['TX'], id: 'other-brokerage' },
      { name: 'x'.repeat(121), licensedStates: ['TX'] },
    ]) {
      const res = await api<{ error: { code: string } }>(s.url, t.admin, 'PUT', '/api/admin/brokerage', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBeTruthy();
    }
    expect((await api<View>(s.url, t.admin, 'GET', '/api/admin/brokerage')).body).toEqual(before);
  });

  it('agrees with the brand kit when a brand manager changed its state packs since (the panel showed states the checks no longer used)', async () => {
    expect((await api(s.url, t.admin, 'PUT', '/api/admin/brokerage', { name: 'Demo Realty', licensedStates: ['CA', 'NV'] })).status).toBe(
      200,
    );
    const kit = (await api<{ rulePacks: string[] }>(s.url, t.brand, 'GET', '/api/brand-kit')).body;
    expect((await api(s.url, t.brand, 'PUT', '/api/brand-kit', { ...kit, rulePacks: ['federal', 'TX'] })).status).toBe(200);
    const res = await api<View>(s.url, t.admin, 'GET', '/api/admin/brokerage');
    // TX is the kit's pack now, CA's pack is off, NV has no pack and stays as the admin set it.
    expect(res.body).toEqual({ name: 'Demo Realty', licensedStates: ['NV', 'TX'], rulePacks: ['federal', 'TX'] });
  });
});
