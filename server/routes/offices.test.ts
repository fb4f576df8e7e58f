import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentDesign } from '../collab/index.js';
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

type Office = { id: string; name: string; street: string; city: string; state: string; postalCode: string; phone: string; people: number };
type Person = { id: string; email: string; officeId?: string | null };
const DOWNTOWN = {
  name: 'Downtown',
  street: '1200 Congress Ave',
  city: 'Austin',
  state: 'TX',
  postalCode: '78701',
  phone: '(512) 555-0100',
  licenses: [{ state: 'TX', number: '9001234' }],
};

async function personId(email: string): Promise<string> {
  const people = await api<{ people: Person[] }>(s.url, t.admin, 'GET', '/api/people');
  return people.body.people.find((p) => p.email === email)!.id;
}

describe('offices of the brokerage', () => {
  let office: Office;

  it('an admin creates an office; everyone in the brokerage sees it, nobody elsewhere', async () => {
    const created = await api<Office>(s.url, t.admin, 'POST', '/api/admin/offices', DOWNTOWN);
    expect(created.status).toBe(201);
    office = created.body;
    expect(office).toMatchObject({ name: 'Downtown', city: 'Austin', state: 'TX', postalCode: '78701', people: 0 });
    const seen = await api<{ offices: Office[] }>(s.url, t.agent, 'GET', '/api/offices');
    // The demo seed has one office in each brokerage.
    expect(seen.body.offices.map((o) => o.name)).toEqual(['Austin Downtown', 'Downtown']);
    expect((await api<{ offices: Office[] }>(s.url, t.rival, 'GET', '/api/offices')).body.offices.map((o) => o.name)).toEqual([
      'San Francisco',
    ]);
  });

  it('only admins change offices; bad input is 400 naming the field, a second office of one name 409', async () => {
    expect((await api(s.url, t.brand, 'POST', '/api/admin/offices', DOWNTOWN)).status).toBe(403);
    expect((await api(s.url, t.agent, 'PUT', `/api/admin/offices/${office.id}`, DOWNTOWN)).status).toBe(403);
    expect((await api(s.url, t.rival, 'DELETE', `/api/admin/offices/${office.id}`)).status).toBe(403);
    for (const body of [
      { ...DOWNTOWN, name: '' },
      { ...DOWNTOWN, postalCode: '7870' },
      { ...DOWNTOWN, state: 'ZZ' },
      { ...DOWNTOWN, phone: 'call me' },
      { ...DOWNTOWN, licenses: [DOWNTOWN.licenses[0], DOWNTOWN.licenses[0]] },
      { ...DOWNTOWN, brokerageId: 'other' },
    ]) {
      const res = await api<{ error: { code: string } }>(s.url, t.admin, 'POST', '/api/admin/offices', {
        ...body,
        name: body.name === '' ? '' : 'Other',
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const dup = await api<{ error: { code: string } }>(s.url, t.admin, 'POST', '/api/admin/offices', DOWNTOWN);
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('office_name_taken');
    expect((await api<{ offices: Office[] }>(s.url, t.admin, 'GET', '/api/offices')).body.offices).toHaveLength(2);
  });

  it('a person belongs to an office (admins set it); a business card then shows the office’s address', async () => {
    const agentId = await personId(DEMO.agent);
    expect((await api(s.url, t.brand, 'PUT', `/api/people/${agentId}/office`, { officeId: office.id })).status).toBe(403);
    expect((await api(s.url, t.admin, 'PUT', `/api/people/${agentId}/office`, { officeId: 'no-such-office' })).status).toBe(400);
    const set = await api(s.url, t.admin, 'PUT', `/api/people/${agentId}/office`, { officeId: office.id });
    expect(set.status).toBe(200);
    expect(
      (await api<{ people: Person[] }>(s.url, t.admin, 'GET', '/api/people')).body.people.find((p) => p.id === agentId)!.officeId,
    ).toBe(office.id);
    const listed = (await api<{ offices: Office[] }>(s.url, t.admin, 'GET', '/api/offices')).body.offices;
    expect(listed.find((o) => o.id === office.id)!.people).toBe(1);

    // Another address, so the card cannot be showing the template's sample by coincidence.
    const moved = await api<Office>(s.url, t.admin, 'PUT', `/api/admin/offices/${office.id}`, {
      ...DOWNTOWN,
      street: '500 W 2nd St',
      postalCode: '78703',
    });
    expect(moved.status).toBe(200);
    const { body } = await api<{ id: string }>(s.url, t.agent, 'POST', '/api/designs', { title: 'Card', templateId: 'business-card' });
    const design = await currentDesign(s.rooms, s.store, body.id);
    const byBinding = Object.fromEntries(
      (Object.values(design.objects) as Array<{ binding?: string; text?: string }>)
        .filter((o) => o.binding)
        .map((o) => [o.binding!, o.text]),
    );
    expect(byBinding['office.address']).toBe('500 W 2nd St, Austin, TX 78703');
  });

  it('another brokerage cannot put its people in this office, nor this brokerage’s people in anything', async () => {
    const rivalAgentId = (await api<{ user: { id: string } }>(s.url, t.rival, 'GET', '/api/auth/me')).body.user.id;
    expect((await api(s.url, t.admin, 'PUT', `/api/people/${rivalAgentId}/office`, { officeId: office.id })).status).toBe(404);
  });

  it('removing an office leaves its people in none; every change is audited', async () => {
    expect((await api(s.url, t.admin, 'DELETE', `/api/admin/offices/${office.id}`)).status).toBe(204);
    expect((await api(s.url, t.admin, 'DELETE', `/api/admin/offices/${office.id}`)).status).toBe(404);
    const agentId = await personId(DEMO.agent);
    expect(
      (await api<{ people: Person[] }>(s.url, t.admin, 'GET', '/api/people')).body.people.find((p) => p.id === agentId)!.officeId,
    ).toBeNull();
    const audit = await api<{ entries: Array<{ action: string }> }>(s.url, t.admin, 'GET', '/api/admin/audit?action=office.created');
    expect(audit.body.entries).toHaveLength(1);
    for (const action of ['office.updated', 'office.deleted', 'person.office_changed']) {
      const res = await api<{ entries: unknown[] }>(s.url, t.admin, 'GET', `/api/admin/audit?action=${action}`);
      expect(res.body.entries.length, action).toBeGreaterThan(0);
    }
  });
});
