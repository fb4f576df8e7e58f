import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectsMap } from '../../shared/index.js';
import { currentDesign } from '../collab/index.js';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { DEMO } from '../test-support/identity.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';

let pg: TestDatabase;
let s: TestServer;
const t: Record<'admin' | 'agent' | 'agent2' | 'rival', string> = { admin: '', agent: '', agent2: '', rival: '' };
let me: { id: string; brokerageId: string; role: string };
beforeAll(async () => {
  pg = await freshPglite();
  s = await startTestServer({}, { db: await pg.open() });
  for (const who of Object.keys(t) as Array<keyof typeof t>) t[who] = await login(s.url, DEMO[who]);
  me = (await api<{ user: typeof me }>(s.url, t.agent, 'GET', '/api/auth/me')).body.user;
});
afterAll(async () => {
  await s?.close();
  await s?.db.close();
  await pg?.drop();
});

type Pending = {
  designs: Array<{ designId: string; title: string; changes: Array<{ binding: string; from: string; to: string }>; kept: number }>;
};
const PROFILE = {
  displayName: 'Sam Carter',
  phones: [{ label: 'Mobile', number: '(512) 555-0142' }],
  email: 'sam@homes.test',
  licenses: [{ state: 'TX', number: '0654321' }],
};

async function shown(designId: string): Promise<Record<string, string>> {
  const design = await currentDesign(s.rooms, s.store, designId);
  return Object.fromEntries(
    Object.values(design.objects)
      .filter((o) => o.binding && o.type === 'text')
      .map((o) => [o.binding!, (o as { text: string }).text]),
  );
}

/** The agent retypes a field in their design (an edit as them through the live room, as their editor's would be). */
async function retype(designId: string, binding: string, text: string): Promise<void> {
  await s.rooms.withRoom(designId, (room) =>
    room.editAs({ principal: { userId: me.id, brokerageId: me.brokerageId, role: me.role } }, (doc) => {
      for (const [, m] of objectsMap(doc)) if (m instanceof Y.Map && m.get('binding') === binding) m.set('text', text);
    }),
  );
}

describe('update my designs after a profile change', () => {
  let card: string;

  it('fill → retype one field → change the profile → update: only the untouched fields change', async () => {
    expect((await api(s.url, t.agent, 'PUT', '/api/profile', PROFILE)).status).toBe(200);
    card = (await api<{ id: string }>(s.url, t.agent, 'POST', '/api/designs', { title: 'My card', templateId: 'business-card' })).body.id;
    expect(await shown(card)).toMatchObject({
      'agent.name': 'Sam Carter',
      'agent.phone': '(512) 555-0142',
      'agent.email': 'sam@homes.test',
    });
    expect((await api<Pending>(s.url, t.agent, 'GET', '/api/profile/design-updates')).body.designs).toEqual([]);

    await retype(card, 'agent.phone', 'Text me: (512) 555-0000');
    const changed = { ...PROFILE, displayName: 'Samantha Carter', phones: [{ label: 'Mobile', number: '(512) 555-0199' }] };
    expect((await api(s.url, t.agent, 'PUT', '/api/profile', changed)).status).toBe(200);

    const pending = await api<Pending>(s.url, t.agent, 'GET', '/api/profile/design-updates');
    expect(pending.body.designs).toEqual([
      {
        designId: card,
        title: 'My card',
        changes: [expect.objectContaining({ binding: 'agent.name', from: 'Sam Carter', to: 'Samantha Carter' })],
        kept: 1,
      },
    ]);
    // Nobody else is offered anything (a colleague, another brokerage).
    expect((await api<Pending>(s.url, t.agent2, 'GET', '/api/profile/design-updates')).body.designs).toEqual([]);
    expect((await api<Pending>(s.url, t.rival, 'GET', '/api/profile/design-updates')).body.designs).toEqual([]);

    const applied = await api<{ updated: unknown[] }>(s.url, t.agent, 'POST', '/api/profile/design-updates', {});
    expect(applied.status).toBe(200);
    expect(applied.body.updated).toEqual([{ designId: card, applied: 1, kept: 1 }]);
    expect(await shown(card)).toMatchObject({
      'agent.name': 'Samantha Carter',
      'agent.phone': 'Text me: (512) 555-0000',
      'agent.email': 'sam@homes.test',
    });
    expect((await api<Pending>(s.url, t.agent, 'GET', '/api/profile/design-updates')).body.designs).toEqual([]);
  });

  it('an office change is offered too: moving to another office updates the office address', async () => {
    const office = await api<{ id: string }>(s.url, t.admin, 'POST', '/api/admin/offices', {
      name: 'Downtown',
      street: '500 W 2nd St',
      city: 'Austin',
      state: 'TX',
      postalCode: '78703',
    });
    expect((await api(s.url, t.admin, 'PUT', `/api/people/${me.id}/office`, { officeId: office.body.id })).status).toBe(200);
    const pending = await api<Pending>(s.url, t.agent, 'GET', '/api/profile/design-updates');
    expect(pending.body.designs[0]!.changes).toEqual([
      expect.objectContaining({
        binding: 'office.address',
        from: '301 Congress Ave, Austin, TX 78701',
        to: '500 W 2nd St, Austin, TX 78703',
      }),
    ]);
    // Only the designs named are updated; a design of someone else named is ignored.
    const other = (await api<{ id: string }>(s.url, t.agent2, 'POST', '/api/designs', { title: 'Theirs', templateId: 'business-card' }))
      .body.id;
    const res = await api<{ updated: unknown[] }>(s.url, t.agent, 'POST', '/api/profile/design-updates', { designIds: [card, other] });
    expect(res.body.updated).toEqual([{ designId: card, applied: 1, kept: 1 }]);
    expect((await shown(card))['office.address']).toBe('500 W 2nd St, Austin, TX 78703');
  });

  it('refuses bad input and anonymous callers', async () => {
    expect((await api(s.url, '', 'GET', '/api/profile/design-updates')).status).toBe(401);
    expect((await api(s.url, t.agent, 'POST', '/api/profile/design-updates', { designIds: ['../x'] })).status).toBe(400);
    expect((await api(s.url, t.agent, 'POST', '/api/profile/design-updates', { everything: true })).status).toBe(400);
  });
});
