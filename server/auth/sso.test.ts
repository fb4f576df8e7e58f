/**
 * Single sign-on against a real OpenID provider (oidc-provider) started here on 127.0.0.1:
 * discovery, authorization code + PKCE, groups → roles, just-in-time people, matching by
 * verified email, refusals, SSO-only brokerages with a break-glass admin, sealed secrets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { DEMO } from '../test-support/identity.js';
import { signInThroughProvider, startTestOidc, type TestOidc } from '../test-support/oidc.js';
import { api, DEMO_PASSWORD, login, startTestServer, type TestServer } from '../test-support/server.js';

let db: TestDatabase;
let server: TestServer;
let idp: TestOidc;
let admin: string;
let adminId: string;
let demoBrokerageId: string;

const ROLE_GROUPS = { admin: ['rb-admins'], brand_manager: ['rb-brand'], agent: ['rb-agents', 'everyone-sales'] };

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({ SSO_PRIVATE_HOSTS: '127.0.0.1' }, { db: await db.open() });
  idp = await startTestOidc({
    redirectUris: [`${server.url}/api/auth/sso/callback`],
    accounts: [
      { login: 'ada', email: 'ada@sso-demo.test', name: 'Ada Agent', groups: ['everyone-sales'] },
      { login: 'bram', email: 'bram@sso-demo.test', name: 'Bram Nogroup', groups: ['marketing'] },
      { login: 'boss', email: DEMO.admin, name: 'Demo Admin', groups: ['rb-admins', 'rb-agents'] },
      { login: 'brand', email: DEMO.brand, name: 'Brand Person', groups: ['rb-brand'] },
      { login: 'unverified', email: 'unverified@sso-demo.test', name: 'Una Verified', groups: ['rb-agents'], emailVerified: false },
      { login: 'rival', email: DEMO.rival, name: 'Rival Agent', groups: ['rb-agents'] },
    ],
  });
  admin = await login(server.url, DEMO.admin);
  const me = (await api<{ user: { id: string; brokerageId: string } }>(server.url, admin, 'GET', '/api/auth/me')).body.user;
  adminId = me.id;
  demoBrokerageId = me.brokerageId;
}, 120_000);

afterAll(async () => {
  await idp?.close();
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

const settings = (extra: Record<string, unknown> = {}) => ({
  issuer: idp.issuer,
  clientId: idp.clientId,
  clientSecret: idp.clientSecret,
  groupsClaim: 'groups',
  roleGroups: ROLE_GROUPS,
  domains: ['sso-demo.test'],
  ...extra,
});

/** Discovery by email (or by brokerage: the link admins hand out), then the whole round trip; where the browser ends up and its session (if any). */
async function ssoSignIn(email: string, loginAs: string, by: 'email' | 'brokerage' = 'email') {
  const query = by === 'email' ? { email } : { brokerageId: demoBrokerageId };
  const found = await fetch(`${server.url}/api/auth/sso/discover`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(query),
  });
  expect(found.status).toBe(200);
  const { startUrl } = (await found.json()) as { startUrl: string };
  const done = await signInThroughProvider(new URL(startUrl, server.url).toString(), loginAs, server.url);
  const cookie = done.jar.header(server.url);
  const me = await fetch(`${server.url}/api/auth/session`, { headers: { cookie } });
  const user = ((await me.json()) as { user: { id: string; email: string; role: string; brokerageName: string } | null }).user;
  return { url: new URL(done.url), user, cookie };
}

describe('SSO settings', () => {
  it('are for admins only; the issuer must answer discovery; the secret is sealed at rest and never sent back', async () => {
    const agent = await login(server.url, DEMO.agent);
    expect((await api(server.url, agent, 'GET', '/api/admin/sso')).status).toBe(403);
    expect((await api(server.url, agent, 'PUT', '/api/admin/sso', settings())).status).toBe(403);
    const none = await api<{ configured: boolean; redirectUri: string }>(server.url, admin, 'GET', '/api/admin/sso');
    expect(none.body).toMatchObject({ configured: false, redirectUri: `${server.url}/api/auth/sso/callback` });
    // Plain http only for SSO_PRIVATE_HOSTS; an issuer that does not answer is refused before anything is stored.
    expect(
      (await api<{ error: { code: string } }>(server.url, admin, 'PUT', '/api/admin/sso', settings({ issuer: 'http://idp.example.com' })))
        .body.error.code,
    ).toBe('validation_failed');
    const dead = await api<{ error: { code: string } }>(
      server.url,
      admin,
      'PUT',
      '/api/admin/sso',
      settings({ issuer: 'http://127.0.0.1:9' }),
    );
    expect([dead.status, dead.body.error.code]).toEqual([422, 'sso_discovery_failed']);
    expect((await api(server.url, admin, 'PUT', '/api/admin/sso', settings({ clientSecret: undefined }))).status).toBe(400);
    // Enforcing needs a break-glass admin.
    expect((await api(server.url, admin, 'PUT', '/api/admin/sso', settings({ enforced: true }))).status).toBe(400);

    const saved = await api<Record<string, unknown>>(server.url, admin, 'PUT', '/api/admin/sso', settings());
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      configured: true,
      issuer: idp.issuer,
      clientId: idp.clientId,
      hasSecret: true,
      domains: ['sso-demo.test'],
      roleGroups: ROLE_GROUPS,
    });
    expect(JSON.stringify(saved.body)).not.toContain(idp.clientSecret);
    const stored = (await server.db.query<{ client_secret: string }>('SELECT client_secret FROM sso_connections')).rows[0]!.client_secret;
    expect(stored).toMatch(/^rbs1\./);
    expect(stored).not.toContain(idp.clientSecret);

    const audit = await api<{ entries: Array<{ action: string; details: Record<string, unknown> }> }>(
      server.url,
      admin,
      'GET',
      '/api/admin/audit?action=sso',
    );
    expect(audit.body.entries[0]).toMatchObject({ action: 'sso.configured', details: { issuer: idp.issuer, secretChanged: true } });
    expect(JSON.stringify(audit.body)).not.toContain(idp.clientSecret);
  });

  it('unknown domains are told SSO is not set up', async () => {
    const res = await fetch(`${server.url}/api/auth/sso/discover`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x@nowhere.test' }),
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'sso_not_configured',
      message: expect.stringMatching(/nowhere\.test/),
    });
  });
});

describe('signing in through the provider', () => {
  it('a new person with a mapped group is created just in time with that role, in the issuer’s brokerage', async () => {
    const { url, user } = await ssoSignIn('ada@sso-demo.test', 'ada');
    expect(url.pathname).toBe('/designs');
    expect(user).toMatchObject({ email: 'ada@sso-demo.test', role: 'agent', brokerageName: 'Demo Realty' });
    const people = await api<{ people: Array<{ email: string; name: string; role: string }> }>(server.url, admin, 'GET', '/api/people');
    expect(people.body.people.find((p) => p.email === 'ada@sso-demo.test')).toMatchObject({ name: 'Ada Agent', role: 'agent' });
    const audit = await api<{ entries: Array<{ action: string; actorEmail: string; details: Record<string, unknown> }> }>(
      server.url,
      admin,
      'GET',
      '/api/admin/audit?action=people.sso_created',
    );
    expect(audit.body.entries[0]).toMatchObject({ actorEmail: 'ada@sso-demo.test', details: { role: 'agent' } });
    // The second time, the linked account is the same person (no second account).
    const again = await ssoSignIn('ada@sso-demo.test', 'ada');
    expect(again.user?.id).toBe(user?.id);
  });

  it('someone in no mapped group is refused with a reason for the log-in page, and nobody is created', async () => {
    const { url, user } = await ssoSignIn('bram@sso-demo.test', 'bram');
    expect(url.pathname).toBe('/login');
    expect(url.searchParams.get('sso_error')).toBe('no_matching_group');
    expect(user).toBeNull();
    expect((await server.db.query("SELECT 1 FROM users WHERE email = 'bram@sso-demo.test'")).rows).toEqual([]);
    const audit = await api<{ entries: Array<{ actorEmail: string; details: { reason: string; groups: string[] } }> }>(
      server.url,
      admin,
      'GET',
      '/api/admin/audit?action=auth.sso_refused',
    );
    expect(audit.body.entries[0]).toMatchObject({
      actorEmail: 'bram@sso-demo.test',
      details: { reason: 'no_matching_group', groups: ['marketing'] },
    });
  });

  it('an existing person is matched by verified email (same account, highest mapped role)', async () => {
    const { user } = await ssoSignIn(DEMO.admin, 'boss', 'brokerage');
    expect(user).toMatchObject({ id: adminId, role: 'admin' });
  });

  it('the IdP’s groups decide the role at each sign-in (audited)', async () => {
    const { user } = await ssoSignIn(DEMO.brand, 'brand', 'brokerage');
    expect(user?.role).toBe('brand_manager');
    idp.accounts.get('ada')!.groups = ['rb-brand'];
    const { user: promoted } = await ssoSignIn('ada@sso-demo.test', 'ada');
    expect(promoted?.role).toBe('brand_manager');
    const audit = await api<{ entries: Array<{ actorEmail: string; details: Record<string, unknown> }> }>(
      server.url,
      admin,
      'GET',
      '/api/admin/audit?action=people.role_changed',
    );
    expect(audit.body.entries[0]).toMatchObject({
      actorEmail: 'ada@sso-demo.test',
      details: { from: 'agent', to: 'brand_manager', via: 'sso' },
    });
    idp.accounts.get('ada')!.groups = ['everyone-sales'];
    expect((await ssoSignIn('ada@sso-demo.test', 'ada')).user?.role).toBe('agent');
  });

  it('an unverified email, or an email of another brokerage’s person, is refused', async () => {
    expect((await ssoSignIn('unverified@sso-demo.test', 'unverified')).url.searchParams.get('sso_error')).toBe('email_not_verified');
    expect((await ssoSignIn('ada@sso-demo.test', 'rival')).url.searchParams.get('sso_error')).toBe('other_brokerage');
    expect((await server.db.query("SELECT 1 FROM users WHERE email = 'unverified@sso-demo.test'")).rows).toEqual([]);
  });

  it('a callback is single use and belongs to the browser that started it', async () => {
    const started = await fetch(`${server.url}/api/auth/sso/start?brokerage=${encodeURIComponent(demoBrokerageId)}`, {
      redirect: 'manual',
    });
    expect(started.status).toBe(303);
    expect(started.headers.get('location')).toMatch(new RegExp(`^${idp.issuer}/auth\\?.*code_challenge_method=S256`));
    // A callback without the browser's cookie (login CSRF) or with an unknown state is refused.
    const forged = await fetch(
      `${server.url}/api/auth/sso/callback?code=abc&state=${new URL(started.headers.get('location')!).searchParams.get('state')}`,
      { redirect: 'manual' },
    );
    expect(forged.headers.get('location')).toBe('/login?sso_error=expired');
  });
});

describe('malformed sign-in requests', () => {
  it('start and callback answer bad queries with the log-in page and a reason, never a 500', async () => {
    const QUERIES = ['', '?brokerage=', `?brokerage=${'x'.repeat(5000)}`, '?brokerage=nope', '?brokerage[]=a&brokerage[]=b'];
    for (const q of QUERIES) {
      const res = await fetch(`${server.url}/api/auth/sso/start${q}`, { redirect: 'manual' });
      expect([q, res.status]).toEqual([q, 303]);
      expect(res.headers.get('location')).toMatch(/^\/login\?sso_error=(not_configured|unavailable)$/);
    }
    // A return path to another origin is dropped, not followed (the sign-in itself goes on).
    const offsite = await fetch(`${server.url}/api/auth/sso/start?brokerage=${demoBrokerageId}&next=//evil.test`, { redirect: 'manual' });
    expect(offsite.headers.get('location')).toMatch(new RegExp(`^${idp.issuer}/auth\\?`));
    // Text PostgreSQL cannot store is refused at the edge for every route.
    expect((await fetch(`${server.url}/api/auth/sso/start?brokerage=%00`, { redirect: 'manual' })).status).toBe(400);
    for (const q of ['', '?state=', '?code=x', `?state=${'s'.repeat(5000)}&code=c`, '?state[]=a', '?error=access_denied&state=zzz']) {
      const res = await fetch(`${server.url}/api/auth/sso/callback${q}`, { redirect: 'manual' });
      expect([q, res.status, res.headers.get('location')]).toEqual([q, 303, '/login?sso_error=expired']);
    }
  });
});

describe('SSO-only brokerage', () => {
  it('refuses passwords for its people, except the break-glass admin; audited', async () => {
    expect(
      (
        await api(
          server.url,
          admin,
          'PUT',
          '/api/admin/sso',
          settings({ clientSecret: undefined, enforced: true, breakGlassUserId: adminId }),
        )
      ).status,
    ).toBe(200);
    const tryPassword = (email: string) =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
    const agent = await tryPassword(DEMO.agent);
    expect(agent.status).toBe(403);
    expect(((await agent.json()) as { error: { code: string } }).error.code).toBe('sso_required');
    // An unknown address of the domain hears the same.
    expect((await tryPassword('nobody@sso-demo.test')).status).toBe(403);
    // The break-glass admin still signs in with their password; another brokerage is unaffected.
    expect((await tryPassword(DEMO.admin)).status).toBe(200);
    expect((await tryPassword(DEMO.rival)).status).toBe(200);
    // SSO still works for everyone (the stored secret is opened from its sealed form).
    expect((await ssoSignIn('ada@sso-demo.test', 'ada')).user?.role).toBe('agent');
    const audit = await api<{ entries: Array<{ action: string; details: { enforced: boolean; secretChanged: boolean } }> }>(
      server.url,
      admin,
      'GET',
      '/api/admin/audit?action=sso.changed',
    );
    expect(audit.body.entries[0]?.details).toMatchObject({ enforced: true, secretChanged: false });
    // Turned off again: passwords work.
    expect((await api(server.url, admin, 'PUT', '/api/admin/sso', settings({ clientSecret: undefined, enforced: false }))).status).toBe(
      200,
    );
    expect((await tryPassword(DEMO.agent)).status).toBe(200);
  });

  it('removing the connection is audited and stops SSO', async () => {
    expect((await api(server.url, admin, 'DELETE', '/api/admin/sso')).status).toBe(204);
    expect((await api(server.url, admin, 'DELETE', '/api/admin/sso')).status).toBe(404);
    const res = await fetch(`${server.url}/api/auth/sso/discover`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@sso-demo.test' }),
    });
    expect(res.status).toBe(404);
    const audit = await api<{ entries: Array<{ action: string }> }>(server.url, admin, 'GET', '/api/admin/audit?action=sso.removed');
    expect(audit.body.entries).toHaveLength(1);
  });
});
