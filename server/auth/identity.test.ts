import { EventEmitter } from 'node:events';
import { io as connectIo } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/index.js';
import { InProcessFanout } from '../collab/index.js';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';
import { closeOf, stockClient, synced } from '../test-support/clients.js';
import { DEMO, shareDesign } from '../test-support/identity.js';
import { withTenant } from '../repos/index.js';
import { InProcessAccessBus } from './access-bus.js';

// Two instances on one fresh PostgreSQL, wired together in-process (fan-out and access bus).
let pg: TestDatabase;
let s1: TestServer;
let s2: TestServer;
const t: Record<keyof typeof DEMO, string> = { admin: '', brand: '', agent: '', agent2: '', rival: '' };
const ids = { agent: '', rival: '' };
let agentDesign: string;
let rivalDesign: string;
let colleagueDesign: string;

beforeAll(async () => {
  pg = await freshPostgres();
  const fanoutBus = new EventEmitter();
  const accessBus = new EventEmitter();
  s1 = await startTestServer(
    {},
    { db: await pg.open(), fanout: new InProcessFanout('i1', fanoutBus), accessBus: new InProcessAccessBus(accessBus) },
  );
  s2 = await startTestServer(
    { SEED_DEMO: 'false' },
    { db: await pg.open(), fanout: new InProcessFanout('i2', fanoutBus), accessBus: new InProcessAccessBus(accessBus) },
  );
  for (const who of Object.keys(DEMO) as Array<keyof typeof DEMO>) t[who] = await login(s1.url, DEMO[who]);
  for (const who of ['agent', 'rival'] as const)
    ids[who] = (await api<{ user: { id: string } }>(s1.url, t[who], 'GET', '/api/auth/me')).body.user.id;
  const mk = async (token: string, title: string) =>
    (await api<{ id: string }>(s1.url, token, 'POST', '/api/designs', { title, templateId: 'listing-flyer' })).body.id;
  agentDesign = await mk(t.agent, 'Agent design');
  colleagueDesign = await mk(t.agent2, 'Colleague design');
  rivalDesign = await mk(t.rival, 'Rival design');
});

afterAll(async () => {
  for (const s of [s1, s2]) {
    await s?.close();
    await s?.db.close();
  }
  await pg?.drop();
});

type Who = keyof typeof DEMO;
// The REST side of the matrix: [who, method, path (with placeholders), body, expected status]
const ROWS: Array<[Who, string, string, unknown, number]> = [
  ['agent', 'GET', '/api/designs/:agent', undefined, 200],
  ['agent', 'PATCH', '/api/designs/:agent', { title: 'Renamed' }, 200],
  ['agent', 'GET', '/api/designs/:colleague', undefined, 404],
  ['agent', 'PATCH', '/api/designs/:colleague', { title: 'x' }, 404],
  ['agent', 'GET', '/api/designs/:rival', undefined, 404],
  ['agent', 'DELETE', '/api/designs/:rival', undefined, 404],
  ['agent', 'POST', '/api/designs/:rival/shares', { email: DEMO.agent, access: 'edit' }, 404],
  ['agent', 'GET', '/api/people', undefined, 403],
  ['agent', 'POST', '/api/invites', { email: 'x@example.test', role: 'agent' }, 403],
  ['agent', 'GET', '/api/admin/audit', undefined, 403],
  ['brand', 'GET', '/api/designs/:colleague', undefined, 200],
  ['brand', 'PATCH', '/api/designs/:colleague', { title: 'x' }, 403],
  ['brand', 'DELETE', '/api/designs/:colleague', undefined, 403],
  ['brand', 'GET', '/api/designs/:rival', undefined, 404],
  ['brand', 'GET', '/api/people', undefined, 403],
  ['brand', 'GET', '/api/admin/audit', undefined, 403],
  ['admin', 'GET', '/api/designs/:colleague', undefined, 200],
  ['admin', 'PATCH', '/api/designs/:colleague', { title: 'Admin renamed' }, 200],
  ['admin', 'GET', '/api/designs/:rival', undefined, 404],
  ['admin', 'PATCH', '/api/designs/:rival', { title: 'x' }, 404],
  ['admin', 'GET', '/api/people', undefined, 200],
  ['admin', 'GET', '/api/admin/audit', undefined, 200],
  ['rival', 'GET', '/api/designs/:agent', undefined, 404],
  ['rival', 'GET', '/api/designs/:agent/score', undefined, 404],
  ['rival', 'GET', '/api/designs/:agent/shares', undefined, 404],
  ['rival', 'POST', '/api/designs/:agent/shares', { email: DEMO.rival, access: 'edit' }, 404],
  ['rival', 'DELETE', '/api/designs/:agent', undefined, 404],
  // Invitations resent, second factors reset: admins of the same brokerage only.
  ['agent', 'POST', '/api/invites/00000000-0000-4000-8000-000000000000/resend', {}, 403],
  ['brand', 'POST', '/api/invites/00000000-0000-4000-8000-000000000000/resend', {}, 403],
  ['admin', 'POST', '/api/invites/00000000-0000-4000-8000-000000000000/resend', {}, 404],
  ['agent', 'POST', '/api/people/:agentId/totp/reset', undefined, 403],
  ['brand', 'POST', '/api/people/:agentId/totp/reset', undefined, 403],
  ['rival', 'POST', '/api/people/:agentId/totp/reset', undefined, 403],
  ['admin', 'POST', '/api/people/:rivalId/totp/reset', undefined, 404],
  // Profiles: one's own for everyone; anyone else's for admins of the same brokerage.
  ['agent', 'GET', '/api/profile', undefined, 200],
  ['agent', 'GET', '/api/people/:rivalId/profile', undefined, 403],
  ['brand', 'PUT', '/api/people/:agentId/profile', { displayName: 'X' }, 403],
  ['admin', 'GET', '/api/people/:agentId/profile', undefined, 200],
  ['admin', 'GET', '/api/people/:rivalId/profile', undefined, 404],
  ['admin', 'PUT', '/api/people/:rivalId/profile', { displayName: 'X' }, 404],
  // Single sign-on settings: admins of the brokerage only; discovery is public and says nothing of other brokerages.
  ['agent', 'GET', '/api/admin/sso', undefined, 403],
  ['brand', 'GET', '/api/admin/sso', undefined, 403],
  ['brand', 'PUT', '/api/admin/sso', { issuer: 'https://idp.example.com', clientId: 'x', clientSecret: 'y', roleGroups: {} }, 403],
  ['agent', 'DELETE', '/api/admin/sso', undefined, 403],
  ['rival', 'PUT', '/api/admin/sso', { issuer: 'https://idp.example.com', clientId: 'x', clientSecret: 'y', roleGroups: {} }, 403],
  ['admin', 'GET', '/api/admin/sso', undefined, 200],
  ['admin', 'DELETE', '/api/admin/sso', undefined, 404],
  ['agent', 'POST', '/api/auth/sso/discover', { email: 'someone@nowhere.test' }, 404],
  ['agent', 'POST', '/api/auth/sso/discover', { brokerageId: 'no-such-brokerage' }, 404],
  // Access requests: a colleague is told they have no access and may ask; another brokerage hears 404.
  ['agent', 'GET', '/api/designs/:colleague/access', undefined, 200],
  ['rival', 'GET', '/api/designs/:colleague/access', undefined, 404],
  ['rival', 'POST', '/api/designs/:agent/access-requests', { access: 'view' }, 404],
  ['agent', 'GET', '/api/designs/:colleague/access-requests', undefined, 403],
  ['rival', 'GET', '/api/designs/:agent/access-requests', undefined, 404],
  ['rival', 'POST', '/api/access-requests/00000000-0000-4000-8000-000000000000/grant', { access: 'view' }, 404],
  // The brokerage itself (name, licensed states) and the license-expiry list: admins of the brokerage only.
  ['agent', 'GET', '/api/admin/brokerage', undefined, 403],
  ['brand', 'PUT', '/api/admin/brokerage', { name: 'Taken over', licensedStates: ['TX'] }, 403],
  ['rival', 'PUT', '/api/admin/brokerage', { name: 'Taken over', licensedStates: ['TX'] }, 403],
  ['admin', 'GET', '/api/admin/brokerage', undefined, 200],
  ['agent', 'GET', '/api/admin/license-expiry', undefined, 403],
  ['brand', 'GET', '/api/admin/license-expiry', undefined, 403],
  ['admin', 'GET', '/api/admin/license-expiry', undefined, 200],
  // Update my designs: one's own designs only, for everyone signed in.
  ['agent', 'GET', '/api/profile/design-updates', undefined, 200],
  ['rival', 'POST', '/api/profile/design-updates', {}, 200],
  // Offices: everyone in the brokerage reads them; admins change them and put people in them.
  ['agent', 'GET', '/api/offices', undefined, 200],
  ['rival', 'GET', '/api/offices', undefined, 200],
  ['agent', 'POST', '/api/admin/offices', { name: 'Mine' }, 403],
  ['brand', 'PUT', '/api/admin/offices/00000000-0000-4000-8000-000000000000', { name: 'Mine' }, 403],
  ['rival', 'DELETE', '/api/admin/offices/00000000-0000-4000-8000-000000000000', undefined, 403],
  ['admin', 'PUT', '/api/admin/offices/00000000-0000-4000-8000-000000000000', { name: 'Mine' }, 404],
  ['admin', 'DELETE', '/api/admin/offices/00000000-0000-4000-8000-000000000000', undefined, 404],
  ['agent', 'PUT', '/api/people/:agentId/office', { officeId: null }, 403],
  ['brand', 'PUT', '/api/people/:agentId/office', { officeId: null }, 403],
  ['admin', 'PUT', '/api/people/:rivalId/office', { officeId: null }, 404],
  ['admin', 'PUT', '/api/people/:agentId/office', { officeId: null }, 200],
  // Uploaded brand fonts: everyone in the brokerage reads them; brand managers and admins change them; other brokerages see none.
  ['agent', 'GET', '/api/brand-kit/fonts', undefined, 200],
  ['rival', 'GET', '/api/brand-kit/fonts', undefined, 200],
  ['agent', 'POST', '/api/brand-kit/fonts', {}, 403],
  ['rival', 'POST', '/api/brand-kit/fonts', {}, 403],
  ['brand', 'POST', '/api/brand-kit/fonts', {}, 415],
  ['agent', 'DELETE', '/api/brand-kit/fonts/00000000-0000-4000-8000-000000000000', undefined, 403],
  ['brand', 'DELETE', '/api/brand-kit/fonts/00000000-0000-4000-8000-000000000000', undefined, 404],
  ['agent', 'GET', '/api/brand-kit/fonts/00000000-0000-4000-8000-000000000000/file', undefined, 404],
  ['rival', 'GET', '/api/brand-kit/fonts/not-a-uuid/file', undefined, 400],
  // First-run setup is closed once a brokerage exists, for everyone.
  ['admin', 'POST', '/api/setup/check', { token: `setup1.${'a'.repeat(43)}` }, 404],
];

describe('authorisation matrix over REST', () => {
  for (const [who, method, path, body, status] of ROWS) {
    it(`${who} ${method} ${path} → ${status}`, async () => {
      const real = path
        .replace(':agentId', ids.agent)
        .replace(':rivalId', ids.rival)
        .replace(':agent', agentDesign)
        .replace(':colleague', colleagueDesign)
        .replace(':rival', rivalDesign);
      const res = await api<{ error?: { code: string } }>(s1.url, t[who], method, real, body);
      expect(res.status).toBe(status);
      if (status >= 400) expect(res.body.error?.code).toBeTruthy();
    });
  }

  it('GET /api/designs lists my designs and those shared with me, never another brokerage’s', async () => {
    await shareDesign(s1.url, t.agent2, colleagueDesign, DEMO.agent, 'view');
    const list = await api<{ designs: Array<{ id: string; access: string }> }>(s1.url, t.agent, 'GET', '/api/designs');
    const byId = new Map(list.body.designs.map((d) => [d.id, d.access]));
    expect(byId.get(agentDesign)).toBe('edit');
    expect(byId.get(colleagueDesign)).toBe('view');
    expect(byId.has(rivalDesign)).toBe(false);
    const shareRival = await api(s1.url, t.agent, 'POST', `/api/designs/${agentDesign}/shares`, { email: DEMO.rival, access: 'edit' });
    expect(shareRival.status).toBe(404); // no such person in this brokerage
  });
});

describe('authorisation matrix over WebSocket', () => {
  const cases: Array<[Who, 'agent' | 'colleague' | 'rival' | 'missing', number | 'open']> = [
    ['agent', 'agent', 'open'],
    ['agent', 'rival', CloseCode.forbidden],
    ['agent', 'missing', CloseCode.notFound],
    ['rival', 'agent', CloseCode.forbidden],
    ['brand', 'rival', CloseCode.forbidden],
    ['admin', 'rival', CloseCode.forbidden],
    ['admin', 'colleague', 'open'],
  ];
  for (const [who, which, expected] of cases) {
    it(`${who} opening the ${which} design → ${expected}`, async () => {
      const id =
        which === 'agent' ? agentDesign : which === 'colleague' ? colleagueDesign : which === 'rival' ? rivalDesign : 'no-such-design';
      if (expected === 'open') {
        const c = stockClient(s2.wsUrl, id, t[who]);
        try {
          await synced(c);
        } finally {
          c.destroy();
        }
      } else {
        expect((await closeOf(`${s2.wsUrl}/collab/${id}?token=${t[who]}`)).code).toBe(expected);
      }
    });
  }
});

describe('people', () => {
  it('admin invites, the invitee accepts once, logs in, sees only their brokerage', async () => {
    const inv = await api<{ token: string; path: string; invite: { id: string } }>(s1.url, t.admin, 'POST', '/api/invites', {
      email: 'New.Agent@Demo.RealBrand.test',
      role: 'agent',
    });
    expect(inv.status).toBe(201);
    expect(inv.body.path).toBe(`/invite/${inv.body.token}`);
    const preview = await fetch(`${s1.url}/api/invites/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: inv.body.token }),
    });
    expect(await preview.json()).toMatchObject({ email: 'new.agent@demo.realbrand.test', role: 'agent', brokerageName: 'Demo Realty' });
    const accept = (token: string) =>
      fetch(`${s1.url}/api/invites/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, name: 'Nia New', password: 'a-long-password' }),
      });
    expect((await accept(inv.body.token)).status).toBe(201);
    expect((await accept(inv.body.token)).status).toBe(404); // single use
    const token = await login(s1.url, 'new.agent@demo.realbrand.test', 'a-long-password');
    const me = await api<{ user: { role: string; brokerageName: string } }>(s1.url, token, 'GET', '/api/auth/me');
    expect(me.body.user).toMatchObject({ role: 'agent', brokerageName: 'Demo Realty' });
    expect((await api<{ designs: unknown[] }>(s1.url, token, 'GET', '/api/designs')).body.designs).toEqual([]);
    const audit = await api<{ entries: Array<{ action: string }> }>(s1.url, t.admin, 'GET', '/api/admin/audit?action=people');
    expect(audit.body.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['people.invited', 'people.invite_accepted']));
  });

  it('deactivating a person ends their sessions and closes their socket on another instance at once', async () => {
    const people = await api<{ people: Array<{ id: string; email: string }> }>(s1.url, t.admin, 'GET', '/api/people');
    const target = people.body.people.find((p) => p.email === DEMO.agent2)!;
    const token = await login(s1.url, DEMO.agent2);
    const c = stockClient(s2.wsUrl, colleagueDesign, token);
    const closes: number[] = [];
    c.provider.on('connection-close', (event: CloseEvent | null) => event && closes.push(event.code));
    await synced(c);
    const started = Date.now();
    const res = await api(s1.url, t.admin, 'PATCH', `/api/people/${target.id}`, { active: false });
    expect(res.status).toBe(200);
    await waitFor(() => closes.includes(CloseCode.accessRevoked), 1_000, 'socket closed with 4410 within a second');
    expect(Date.now() - started).toBeLessThan(1_500);
    c.destroy();
    expect((await api(s1.url, token, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await api(s1.url, t.admin, 'PATCH', `/api/people/${target.id}`, { active: true })).status).toBe(200);
    const audit = await api<{ entries: Array<{ action: string; targetId: string }> }>(
      s1.url,
      t.admin,
      'GET',
      `/api/admin/audit?action=people.deactivated`,
    );
    expect(audit.body.entries[0]?.targetId).toBe(target.id);
  });

  it('a share downgraded to view makes an open socket read-only on another instance', async () => {
    await shareDesign(s1.url, t.agent, agentDesign, DEMO.brand, 'edit');
    const bm = await login(s1.url, DEMO.brand);
    const c = stockClient(s2.wsUrl, agentDesign, bm);
    await synced(c);
    await shareDesign(s1.url, t.agent, agentDesign, DEMO.brand, 'view');
    await waitFor(
      () => [...(s2.rooms.peek(agentDesign)?.conns ?? [])].some((conn) => conn.principal.role === 'brand_manager' && conn.readOnly),
      1_000,
      'downgraded',
    );
    c.destroy();
  });

  it('a removed share refuses the next socket at once on another instance, where the access was just remembered', async () => {
    await shareDesign(s1.url, t.agent, agentDesign, DEMO.agent2, 'edit');
    const token = await login(s1.url, DEMO.agent2);
    const c = stockClient(s2.wsUrl, agentDesign, token);
    await synced(c); // s2 now remembers agent2's access to the design for a few seconds
    c.destroy();
    const shares = await api<{ shares: Array<{ userId: string; email: string }> }>(
      s1.url,
      t.agent,
      'GET',
      `/api/designs/${agentDesign}/shares`,
    );
    const share = shares.body.shares.find((x) => x.email === DEMO.agent2)!;
    expect((await api(s1.url, t.agent, 'DELETE', `/api/designs/${agentDesign}/shares/${share.userId}`)).status).toBe(204);
    expect((await closeOf(`${s2.wsUrl}/collab/${agentDesign}?token=${token}`)).code).toBe(CloseCode.forbidden);
    // The app-events socket's design room asks the same remembered question: refused at once too.
    const io = connectIo(s2.url, { path: '/socket.io/', auth: { token }, transports: ['websocket'], reconnection: false });
    try {
      const joined = await new Promise<{ ok: boolean }>((resolve) => io.emit('design:join', { designId: agentDesign }, resolve));
      expect(joined.ok).toBe(false);
    } finally {
      io.disconnect();
    }
  });

  it('a logged-out token opens no new socket on any instance, though both had just checked it', async () => {
    const token = await login(s1.url, DEMO.agent2);
    for (const s of [s1, s2]) {
      const c = stockClient(s.wsUrl, colleagueDesign, token);
      await synced(c); // each instance now remembers the token's check for a few seconds
      c.destroy();
    }
    expect((await api(s1.url, token, 'POST', '/api/auth/logout')).status).toBe(204);
    for (const s of [s1, s2]) {
      const closed = await closeOf(`${s.wsUrl}/collab/${colleagueDesign}?token=${token}`);
      expect(closed.code).toBe(CloseCode.unauthenticated);
    }
  });

  it('admins cannot demote themselves; role changes are audited', async () => {
    const people = await api<{ people: Array<{ id: string; email: string }> }>(s1.url, t.admin, 'GET', '/api/people');
    const me = people.body.people.find((p) => p.email === DEMO.admin)!;
    expect((await api(s1.url, t.admin, 'PATCH', `/api/people/${me.id}`, { role: 'agent' })).status).toBe(403);
    const agent = people.body.people.find((p) => p.email === DEMO.agent)!;
    expect((await api(s1.url, t.admin, 'PATCH', `/api/people/${agent.id}`, { role: 'brand_manager' })).status).toBe(200);
    expect((await api(s1.url, t.admin, 'PATCH', `/api/people/${agent.id}`, { role: 'agent' })).status).toBe(200);
    const audit = await api<{ entries: Array<{ details: { from: string; to: string } }> }>(
      s1.url,
      t.admin,
      'GET',
      `/api/admin/audit?action=people.role_changed&actor=${DEMO.admin}`,
    );
    expect(audit.body.entries.map((e) => e.details.to)).toEqual(['agent', 'brand_manager']);
    const none = await api<{ entries: unknown[] }>(
      s1.url,
      t.admin,
      'GET',
      `/api/admin/audit?action=people.role_changed&to=2000-01-01T00:00:00Z`,
    );
    expect(none.body.entries).toEqual([]);
  });

  it('API requests: a role change shows and a log-out is refused at once on every instance, though both had just checked the token', async () => {
    const token = await login(s1.url, DEMO.agent2);
    const me = async (s: TestServer) => api<{ user: { id: string; role: string } }>(s.url, token, 'GET', '/api/auth/me');
    for (const s of [s1, s2]) expect((await me(s)).body.user.role).toBe('agent'); // each instance now remembers the check
    const id = (await me(s1)).body.user.id;
    expect((await api(s1.url, t.admin, 'PATCH', `/api/people/${id}`, { role: 'brand_manager' })).status).toBe(200);
    for (const s of [s1, s2]) expect((await me(s)).body.user.role).toBe('brand_manager');
    expect((await api(s1.url, t.admin, 'PATCH', `/api/people/${id}`, { role: 'agent' })).status).toBe(200);
    expect((await api(s2.url, token, 'POST', '/api/auth/logout')).status).toBe(204);
    for (const s of [s1, s2]) expect((await me(s)).status).toBe(401);
  });
});

describe('row-level security', () => {
  it('a deliberately unscoped query inside a tenant transaction sees only that brokerage, and nothing without one', async () => {
    const db = s1.db;
    const { rows } = await db.query<{ brokerage_id: string }>('SELECT brokerage_id FROM designs WHERE id = $1', [rivalDesign]);
    const rivalBrokerage = rows[0]!.brokerage_id;
    const demoBrokerage = (await db.query<{ brokerage_id: string }>('SELECT brokerage_id FROM designs WHERE id = $1', [agentDesign]))
      .rows[0]!.brokerage_id;
    // "Forgot" the brokerage filter: still nothing of the other tenant.
    const seen = await withTenant(db, demoBrokerage, async (tx) =>
      (await tx.query<{ id: string }>('SELECT id FROM designs')).rows.map((r) => r.id),
    );
    expect(seen).toContain(agentDesign);
    expect(seen).not.toContain(rivalDesign);
    expect(
      await withTenant(db, demoBrokerage, async (tx) => (await tx.query('SELECT * FROM designs WHERE id = $1', [rivalDesign])).rows),
    ).toEqual([]);
    expect(
      await withTenant(
        db,
        demoBrokerage,
        async (tx) => (await tx.query('SELECT * FROM users WHERE brokerage_id = $1', [rivalBrokerage])).rows,
      ),
    ).toEqual([]);
    expect(await withTenant(db, '', async (tx) => (await tx.query('SELECT * FROM designs')).rows)).toEqual([]);
    // Writing into another tenant is refused too.
    await expect(
      withTenant(db, demoBrokerage, (tx) =>
        tx.query("UPDATE designs SET title = 'pwned' WHERE id = $1 RETURNING id", [rivalDesign]).then((r) => r.rows),
      ),
    ).resolves.toEqual([]);
  });
});
