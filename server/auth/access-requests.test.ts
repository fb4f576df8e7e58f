/**
 * Access requests: a colleague who opens a design they cannot see is told so and asks; the owner
 * is notified (inbox + email through a real SMTP server) and grants in one click; another
 * brokerage hears a plain 404 everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { DEMO } from '../test-support/identity.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';
import { startTestSmtp, type TestSmtp } from '../test-support/smtp.js';

let db: TestDatabase;
let server: TestServer;
let smtp: TestSmtp;
const t: Record<'owner' | 'agent' | 'brand' | 'rival', string> = { owner: '', agent: '', brand: '', rival: '' };
let design: string;

beforeAll(async () => {
  db = await freshPglite();
  smtp = await startTestSmtp();
  server = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'RealBrand <no-reply@realbrand.test>' }, { db: await db.open() });
  [t.owner, t.agent, t.brand, t.rival] = await Promise.all([
    login(server.url, DEMO.agent2),
    login(server.url, DEMO.agent),
    login(server.url, DEMO.brand),
    login(server.url, DEMO.rival),
  ]);
  design = (
    await api<{ id: string }>(server.url, t.owner, 'POST', '/api/designs', { title: 'Maple Street flyer', templateId: 'listing-flyer' })
  ).body.id;
}, 120_000);

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await smtp?.close();
  await db?.drop();
});

type Inbox = { notifications: Array<{ kind: string; designId: string | null; title: string; body: string | null }> };

describe('asking for access to a design', () => {
  it('a colleague is told they have no access (and whose design it is); another brokerage hears a plain 404', async () => {
    expect((await api(server.url, t.agent, 'GET', `/api/designs/${design}`)).status).toBe(404);
    const info = await api<{ access: string; ownerName: string; pending: unknown }>(
      server.url,
      t.agent,
      'GET',
      `/api/designs/${design}/access`,
    );
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ access: 'none', ownerName: expect.any(String), pending: null });
    for (const [method, path, body] of [
      ['GET', `/api/designs/${design}/access`, undefined],
      ['POST', `/api/designs/${design}/access-requests`, { access: 'view' }],
      ['GET', `/api/designs/${design}/access-requests`, undefined],
    ] as const) {
      const res = await api<{ error: { code: string } }>(server.url, t.rival, method, path, body);
      expect([path, res.status, res.body.error.code]).toEqual([path, 404, 'not_found']);
    }
    expect((await api(server.url, t.agent, 'GET', '/api/designs/no-such-design/access')).status).toBe(404);
  });

  it('the owner is notified in the inbox and by email, and grants in one click; the requester is told', async () => {
    const ask = await api<{ request: { id: string; access: string } }>(
      server.url,
      t.agent,
      'POST',
      `/api/designs/${design}/access-requests`,
      { access: 'edit', message: 'Can I fix the price?' },
    );
    expect(ask.status).toBe(201);
    expect((await api<{ pending: { id: string } }>(server.url, t.agent, 'GET', `/api/designs/${design}/access`)).body.pending).toEqual({
      id: ask.body.request.id,
      access: 'edit',
    });

    const inbox = await api<Inbox>(server.url, t.owner, 'GET', '/api/notifications');
    expect(inbox.body.notifications[0]).toMatchObject({
      kind: 'access_requested',
      designId: design,
      title: expect.stringMatching(/asks to edit “Maple Street flyer”/),
      body: 'Can I fix the price?',
    });
    const mail = await smtp.waitForMail(DEMO.agent2, /asks to edit/);
    expect(mail.links.some((l) => l.endsWith('/inbox'))).toBe(true);

    // Only those who can share the design see and grant requests.
    expect((await api(server.url, t.agent, 'GET', `/api/designs/${design}/access-requests`)).status).toBe(403);
    expect((await api(server.url, t.brand, 'POST', `/api/access-requests/${ask.body.request.id}/grant`, { access: 'view' })).status).toBe(
      403,
    );
    expect((await api(server.url, t.rival, 'POST', `/api/access-requests/${ask.body.request.id}/grant`, { access: 'view' })).status).toBe(
      404,
    );
    const pending = await api<{ requests: Array<{ id: string; requesterEmail: string; access: string; message: string }> }>(
      server.url,
      t.owner,
      'GET',
      `/api/designs/${design}/access-requests`,
    );
    expect(pending.body.requests).toEqual([
      expect.objectContaining({ id: ask.body.request.id, requesterEmail: DEMO.agent, access: 'edit', message: 'Can I fix the price?' }),
    ]);

    // The owner chooses view (the request asked for edit): one click.
    const grant = await api(server.url, t.owner, 'POST', `/api/access-requests/${ask.body.request.id}/grant`, { access: 'view' });
    expect(grant.status).toBe(200);
    expect((await api(server.url, t.owner, 'POST', `/api/access-requests/${ask.body.request.id}/grant`, { access: 'view' })).status).toBe(
      409,
    );
    expect((await api<{ access: string }>(server.url, t.agent, 'GET', `/api/designs/${design}`)).body.access).toBe('view');
    const told = await api<Inbox>(server.url, t.agent, 'GET', '/api/notifications');
    expect(told.body.notifications[0]).toMatchObject({
      kind: 'access_granted',
      designId: design,
      title: expect.stringMatching(/gave you view access/),
    });
    const audit = await api<{ entries: Array<{ action: string; details: Record<string, unknown> }> }>(
      server.url,
      await login(server.url, DEMO.admin),
      'GET',
      `/api/admin/audit?design=${design}`,
    );
    expect(audit.body.entries.find((e) => e.action === 'design.shared')?.details).toMatchObject({
      with: DEMO.agent,
      access: 'view',
      via: 'access_request',
    });
    // With view access, asking for view again is pointless; asking for edit is a new request.
    expect((await api(server.url, t.agent, 'POST', `/api/designs/${design}/access-requests`, { access: 'view' })).status).toBe(409);
    expect((await api(server.url, t.agent, 'POST', `/api/designs/${design}/access-requests`, { access: 'edit' })).status).toBe(201);
  });

  it('sharing a design notifies the person (inbox and email)', async () => {
    const other = (
      await api<{ id: string }>(server.url, t.owner, 'POST', '/api/designs', { title: 'Open house sign', templateId: 'listing-flyer' })
    ).body.id;
    expect((await api(server.url, t.owner, 'POST', `/api/designs/${other}/shares`, { email: DEMO.brand, access: 'edit' })).status).toBe(
      201,
    );
    const inbox = await api<Inbox>(server.url, t.brand, 'GET', '/api/notifications');
    expect(inbox.body.notifications[0]).toMatchObject({ kind: 'design_shared', designId: other });
    await smtp.waitForMail(DEMO.brand, /shared “Open house sign”/);
  });
});
