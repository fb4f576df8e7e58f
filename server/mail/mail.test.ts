import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { DEMO } from '../test-support/identity.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';
import { startTestSmtp, type TestSmtp } from '../test-support/smtp.js';
import { fromHeader } from './mailer.js';
import { renderMail } from './messages.js';

const brand = { brokerageName: 'Acme <Homes> & Co', accent: '#123456' };

describe('messages', () => {
  it('escapes names in the HTML part and keeps the subject on one line', () => {
    const m = renderMail(
      {
        kind: 'notification',
        title: 'Line one\r\nBcc: x@evil.test <b>',
        body: '<script>alert(1)</script>',
        link: 'https://rb.test/designs/a?b=1&c=2',
        action: 'Open',
      },
      brand,
    );
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;');
    expect(m.html).toContain('Acme &lt;Homes&gt; &amp; Co');
    expect(m.html).toContain('href="https://rb.test/designs/a?b=1&amp;c=2"');
    expect(m.text).toContain('Open: https://rb.test/designs/a?b=1&c=2');
  });

  it('an accent that is not a colour never reaches the style attribute', () => {
    const m = renderMail(
      { kind: 'password_reset', name: 'Al', link: 'https://rb.test/r', minutes: 30 },
      { brokerageName: 'B', accent: 'red;background:url(x)' },
    );
    expect(m.html).not.toContain('url(x)');
    expect(m.html).toContain('#1f3a5f');
  });

  it('invitations name the role and the expiry', () => {
    const m = renderMail(
      { kind: 'invite', inviterName: 'Ada', role: 'agent', link: 'https://rb.test/invite/x', expiresAt: new Date('2030-01-02T03:04:05Z') },
      brand,
    );
    expect(m.subject).toBe('Ada invited you to Acme <Homes> & Co on RealBrand');
    expect(m.text).toContain('as an agent');
    expect(m.text).toContain('Wed, 02 Jan 2030 03:04:05 GMT');
  });

  it('From shows the brokerage with a bare address, and a configured name wins', () => {
    expect(fromHeader('mail@rb.test', 'Demo "Realty"')).toEqual({ name: 'Demo  Realty  via RealBrand', address: 'mail@rb.test' });
    expect(fromHeader('RealBrand <mail@rb.test>', 'Demo')).toBe('RealBrand <mail@rb.test>');
  });
});

describe('email over a real SMTP server', () => {
  let pg: TestDatabase;
  let smtp: TestSmtp;
  let s: TestServer;
  let admin: string;

  beforeAll(async () => {
    pg = await freshPostgres();
    smtp = await startTestSmtp();
    s = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'RealBrand <no-reply@realbrand.test>' }, { db: await pg.open() });
    admin = await login(s.url, DEMO.admin);
  });

  afterAll(async () => {
    await s?.close();
    await s?.db.close();
    await smtp?.close();
    await pg?.drop();
  });

  it('an invitation is emailed; its link opens the invitation, which the person accepts and then logs in', async () => {
    const res = await api<{ emailed: boolean; url: string }>(s.url, admin, 'POST', '/api/invites', {
      email: 'dana@demo.realbrand.test',
      role: 'brand_manager',
    });
    expect(res.status).toBe(201);
    expect(res.body.emailed).toBe(true);
    const mail = await smtp.waitForMail('dana@demo.realbrand.test', /invited you/);
    expect(mail.from).toMatch(/^"?RealBrand"? <no-reply@realbrand\.test>$/);
    expect(mail.subject).toMatch(/Demo Realty/);
    expect(mail.text).toContain('as a brand manager');
    const link = mail.links.find((l) => l.includes('/invite/'))!;
    expect(link).toBe(res.body.url);
    expect(link.startsWith(`${s.url}/invite/inv1.`)).toBe(true);
    expect(mail.html).toContain(`href="${link}"`);
    // Following the link: the page is the client's; it previews and accepts with the token in the path.
    const page = await fetch(link);
    expect(page.status).toBe(404); // the test server serves no client build; the API below is what the page calls
    const token = new URL(link).pathname.split('/').pop()!;
    const post = (path: string, body: unknown) =>
      fetch(`${s.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const preview = await post('/api/invites/preview', { token });
    expect(await preview.json()).toMatchObject({ email: 'dana@demo.realbrand.test', role: 'brand_manager', brokerageName: 'Demo Realty' });
    expect((await post('/api/invites/accept', { token, name: 'Dana Brand', password: 'dana-password-1' })).status).toBe(201);
    expect(await login(s.url, 'dana@demo.realbrand.test', 'dana-password-1')).toBeTruthy();
  });

  it('resending an invitation mails a new link and the old one stops working', async () => {
    const first = await api<{ invite: { id: string }; token: string }>(s.url, admin, 'POST', '/api/invites', {
      email: 'resend@demo.realbrand.test',
      role: 'agent',
    });
    const again = await api<{ token: string; url: string; emailed: boolean }>(
      s.url,
      admin,
      'POST',
      `/api/invites/${first.body.invite.id}/resend`,
      {},
    );
    expect(again.status).toBe(200);
    expect(again.body.emailed).toBe(true);
    await expect.poll(() => smtp.mails.filter((m) => m.to.includes('resend@demo.realbrand.test')).length).toBe(2);
    const last = smtp.mails.filter((m) => m.to.includes('resend@demo.realbrand.test')).at(-1)!;
    expect(last.links).toContain(again.body.url);
    const preview = (token: string) =>
      fetch(`${s.url}/api/invites/preview`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
    expect((await preview(first.body.token)).status).toBe(404);
    expect((await preview(again.body.token)).status).toBe(200);
  });

  it('sharing a design emails the person a link to it and puts it in their inbox', async () => {
    const agent = await login(s.url, DEMO.agent);
    const { body } = await api<{ id: string }>(s.url, agent, 'POST', '/api/designs', {
      title: 'Lake house flyer',
      templateId: 'listing-flyer',
    });
    expect((await api(s.url, agent, 'POST', `/api/designs/${body.id}/shares`, { email: DEMO.agent2, access: 'edit' })).status).toBe(201);
    const mail = await smtp.waitForMail(DEMO.agent2, /Lake house flyer/);
    expect(mail.subject).toMatch(/shared “Lake house flyer” with you \(can edit\)/);
    expect(mail.links).toContain(`${s.url}/designs/${body.id}`);
    const agent2 = await login(s.url, DEMO.agent2);
    const inbox = await api<{ notifications: Array<{ kind: string; designId: string }> }>(s.url, agent2, 'GET', '/api/notifications');
    expect(inbox.body.notifications.some((n) => n.kind === 'design_shared' && n.designId === body.id)).toBe(true);
    // The followed link's design opens for the person it was shared with.
    expect((await api(s.url, agent2, 'GET', `/api/designs/${body.id}`)).status).toBe(200);
  });

  it('a submission emails the reviewers and the decision emails the owner', async () => {
    const agent = await login(s.url, DEMO.agent);
    const { body } = await api<{ id: string }>(s.url, agent, 'POST', '/api/designs', { title: 'Review me', templateId: 'listing-flyer' });
    expect((await api(s.url, agent, 'POST', `/api/designs/${body.id}/submit`, { comment: 'Ready' })).status).toBe(200);
    const toBrand = await smtp.waitForMail(DEMO.brand, /submitted “Review me” for review/);
    expect(toBrand.text).toContain('Ready');
    expect(toBrand.links).toContain(`${s.url}/designs/${body.id}`);
    const brandManager = await login(s.url, DEMO.brand);
    expect((await api(s.url, brandManager, 'POST', `/api/designs/${body.id}/review`, { decision: 'approve' })).status).toBe(200);
    await smtp.waitForMail(DEMO.agent, /“Review me” was approved/);
  });

  it('a mention emails the person mentioned', async () => {
    const agent = await login(s.url, DEMO.agent);
    const { body } = await api<{ id: string }>(s.url, agent, 'POST', '/api/designs', { title: 'Mention me', templateId: 'listing-flyer' });
    const comment = await api(s.url, agent, 'POST', `/api/designs/${body.id}/comments`, {
      body: `Can you check the price, @${DEMO.brand}?`,
    });
    expect(comment.status).toBe(201);
    const mail = await smtp.waitForMail(DEMO.brand, /mentioned you on “Mention me”/);
    expect(mail.text).toContain('Can you check the price');
  });
});

describe('without SMTP_URL', () => {
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

  it('an invitation answers the link to copy and says it was not emailed', async () => {
    const admin = await login(s.url, DEMO.admin);
    const res = await api<{ emailed: boolean; url: string; path: string }>(s.url, admin, 'POST', '/api/invites', {
      email: 'copy@demo.realbrand.test',
      role: 'agent',
    });
    expect(res.status).toBe(201);
    expect(res.body.emailed).toBe(false);
    expect(res.body.url).toBe(`${s.url}${res.body.path}`);
  });
});
