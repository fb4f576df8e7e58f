import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { DEMO } from '../test-support/identity.js';
import { currentDesign } from '../collab/index.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';

let pg: TestDatabase;
let s: TestServer;
beforeAll(async () => {
  pg = await freshPostgres();
  s = await startTestServer({}, { db: await pg.open() });
});
afterAll(async () => {
  await s?.close();
  await s?.db.close();
  await pg?.drop();
});

const profile = {
  displayName: 'Samantha Carter',
  title: 'Broker Associate',
  headshot: '',
  phones: [{ label: 'Mobile', number: '(512) 555-0199' }],
  email: 'sam.carter@homes.test',
  licenses: [{ state: 'TX', number: '0777777', expiresOn: '2027-01-31' }],
  designations: ['ABR', 'CRS'],
  social: { website: 'https://samcarter.example' },
};

describe('profiles', () => {
  it('a person edits their own profile; it reads back, and older profiles read as the same shape', async () => {
    const agent = await login(s.url, DEMO.agent);
    const before = await api<{
      profile: { displayName: string; phones: Array<{ number: string }>; licenses: Array<{ state: string; number: string }> };
    }>(s.url, agent, 'GET', '/api/profile');
    expect(before.body.profile.displayName).toBe('Sam Carter');
    expect(before.body.profile.phones[0]!.number).toBe('(512) 555-0142');
    expect(before.body.profile.licenses).toEqual([{ state: 'TX', number: '0654321', expiresOn: '' }]);
    const saved = await api<{ profile: typeof profile }>(s.url, agent, 'PUT', '/api/profile', profile);
    expect(saved.status).toBe(200);
    expect(saved.body.profile).toEqual(profile);
    const bad = await api<{ error: { message: string } }>(s.url, agent, 'PUT', '/api/profile', {
      ...profile,
      licenses: [{ state: 'ZZ', number: '1' }],
      social: { website: 'javascript:alert(1)' },
    });
    expect(bad.status).toBe(400);
  });

  it('a new design from a template shows the person’s own agent fields', async () => {
    const agent = await login(s.url, DEMO.agent);
    const { body } = await api<{ id: string }>(s.url, agent, 'POST', '/api/designs', { title: 'My card', templateId: 'business-card' });
    const design = await currentDesign(s.rooms, s.store, body.id);
    const objects = Object.values(design.objects) as Array<{ binding?: string; text?: string }>;
    const byBinding = Object.fromEntries(objects.filter((o) => o.binding).map((o) => [o.binding!, o.text]));
    expect(byBinding['agent.name']).toBe('Samantha Carter');
    expect(byBinding['agent.phone']).toBe('(512) 555-0199');
    expect(byBinding['agent.email']).toBe('sam.carter@homes.test');
    expect(byBinding['agent.license']).toBe('TX License #0777777');
  });

  it('admins read and edit anyone’s profile in their brokerage; others cannot', async () => {
    const admin = await login(s.url, DEMO.admin);
    const agent2 = await login(s.url, DEMO.agent2);
    const rival = await login(s.url, DEMO.rival);
    const agentId = (await api<{ user: { id: string } }>(s.url, await login(s.url, DEMO.agent), 'GET', '/api/auth/me')).body.user.id;
    expect((await api(s.url, agent2, 'GET', `/api/people/${agentId}/profile`)).status).toBe(403);
    expect((await api(s.url, agent2, 'PUT', `/api/people/${agentId}/profile`, profile)).status).toBe(403);
    expect((await api(s.url, rival, 'GET', `/api/people/${agentId}/profile`)).status).toBe(403);
    const edited = await api<{ profile: { title: string } }>(s.url, admin, 'PUT', `/api/people/${agentId}/profile`, {
      ...profile,
      title: 'Team Lead',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.profile.title).toBe('Team Lead');
  });
});
