import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { browserLogin, DEMO } from '../test-support/identity.js';
import { api, DEMO_PASSWORD, login, startTestServer, type TestServer } from '../test-support/server.js';
import { startTestSmtp, type TestSmtp } from '../test-support/smtp.js';
import { totp } from './totp.js';

let pg: TestDatabase;
let smtp: TestSmtp;
let s: TestServer;

beforeAll(async () => {
  pg = await freshPostgres();
  smtp = await startTestSmtp();
  s = await startTestServer({ SMTP_URL: smtp.url }, { db: await pg.open() });
});

afterAll(async () => {
  await s?.close();
  await s?.db.close();
  await smtp?.close();
  await pg?.drop();
});

const post = (path: string, body: unknown) =>
  fetch(`${s.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const loginRes = (email: string, password: string, code?: string) =>
  post('/api/auth/login', { email, password, ...(code ? { code } : {}) });

describe('password reset by email', () => {
  it('the emailed link sets a new password once, ends every session, and the old password stops working', async () => {
    const email = DEMO.agent2;
    const before = await login(s.url, email);
    const cookieSession = await browserLogin(s.url, email);
    expect((await post('/api/auth/password-reset', { email: email.toUpperCase() })).status).toBe(202);
    const mail = await smtp.waitForMail(email, /Reset your RealBrand password/);
    expect(mail.text).toContain('30 minutes');
    const link = mail.links.find((l) => l.includes('/reset-password/'))!;
    expect(link.startsWith(`${s.url}/reset-password/pwr1.`)).toBe(true);
    const token = new URL(link).pathname.split('/').pop()!;
    expect(await (await post('/api/auth/password-reset/preview', { token })).json()).toEqual({ email });
    const short = await post('/api/auth/password-reset/complete', { token, password: 'short' });
    expect(short.status).toBe(400);
    const done = await post('/api/auth/password-reset/complete', { token, password: 'a-brand-new-password' });
    expect(done.status).toBe(200);
    // Every session ended: a bearer token and a browser's cookies alike.
    expect((await api(s.url, before, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await fetch(`${s.url}/api/auth/me`, { headers: { cookie: cookieSession.cookie } })).status).toBe(401);
    expect((await loginRes(email, DEMO_PASSWORD)).status).toBe(401);
    expect((await loginRes(email, 'a-brand-new-password')).status).toBe(200);
    // Single use.
    const again = await post('/api/auth/password-reset/complete', { token, password: 'another-new-password' });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('reset_link_invalid');
    const audit = await s.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE actor_email = $1 AND action LIKE 'auth.password_reset%' ORDER BY id",
      [email],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['auth.password_reset_requested', 'auth.password_reset']);
  });

  it('answers an unknown email the same and sends nothing; an expired link is refused', async () => {
    const unknown = await post('/api/auth/password-reset', { email: 'nobody@demo.realbrand.test' });
    expect(unknown.status).toBe(202);
    const known = await post('/api/auth/password-reset', { email: DEMO.rival });
    expect(await unknown.json()).toEqual(await known.json());
    const mail = await smtp.waitForMail(DEMO.rival, /Reset/);
    await s.mail.settle();
    expect(smtp.mails.some((m) => m.to.includes('nobody@demo.realbrand.test'))).toBe(false);
    await s.db.query("UPDATE password_resets SET expires_at = now() - interval '1 second'");
    const token = new URL(mail.links.find((l) => l.includes('/reset-password/'))!).pathname.split('/').pop()!;
    expect((await post('/api/auth/password-reset/complete', { token, password: 'too-late-password' })).status).toBe(400);
    expect((await post('/api/auth/password-reset/preview', { token: 'pwr1.not-a-token' })).status).toBe(400);
  });
});

describe('password change and sign out everywhere', () => {
  it('a change needs the current password and ends the other sessions only', async () => {
    const other = await login(s.url, DEMO.brand);
    const mine = await login(s.url, DEMO.brand);
    expect(
      (await api(s.url, mine, 'POST', '/api/account/password', { currentPassword: 'wrong-password', newPassword: 'brand-new-password-1' }))
        .status,
    ).toBe(400);
    expect(
      (await api(s.url, mine, 'POST', '/api/account/password', { currentPassword: DEMO_PASSWORD, newPassword: 'brand-new-password-1' }))
        .status,
    ).toBe(204);
    expect((await api(s.url, mine, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await api(s.url, other, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await api(s.url, mine, 'POST', '/api/auth/logout-all')).status).toBe(204);
    expect((await api(s.url, mine, 'GET', '/api/auth/me')).status).toBe(401);
  });
});

describe('two-factor', () => {
  async function enrol(token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const setup = await api<{ secret: string; qrSvg: string; otpauthUri: string }>(s.url, token, 'POST', '/api/account/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.qrSvg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    // A wrong code does not enable it.
    const wrong = String((Number(totp(setup.body.secret)) + 1) % 1_000_000).padStart(6, '0');
    expect((await api(s.url, token, 'POST', '/api/account/totp/enable', { code: wrong })).status).toBe(400);
    const enabled = await api<{ recoveryCodes: string[] }>(s.url, token, 'POST', '/api/account/totp/enable', {
      code: totp(setup.body.secret),
    });
    expect(enabled.status).toBe(200);
    return { secret: setup.body.secret, recoveryCodes: enabled.body.recoveryCodes };
  }

  it('an enrolled person signs in with the next code or a recovery code (each once)', async () => {
    const token = await login(s.url, DEMO.admin);
    const { secret, recoveryCodes } = await enrol(token);
    expect(recoveryCodes).toHaveLength(10);
    const noCode = await loginRes(DEMO.admin, DEMO_PASSWORD);
    expect(noCode.status).toBe(401);
    expect(((await noCode.json()) as { error: { code: string } }).error.code).toBe('totp_required');
    // The enabling code's time step is used up; the next step's code is accepted (one step of drift).
    const next = totp(secret, Date.now() + 30_000);
    expect((await loginRes(DEMO.admin, DEMO_PASSWORD, next)).status).toBe(200);
    expect((await loginRes(DEMO.admin, DEMO_PASSWORD, next)).status).toBe(401);
    expect((await loginRes(DEMO.admin, DEMO_PASSWORD, recoveryCodes[0])).status).toBe(200);
    expect((await loginRes(DEMO.admin, DEMO_PASSWORD, recoveryCodes[0])).status).toBe(401);
  });

  it('a brokerage that requires two-factor sends people without it to enrol; admins reset a person’s second factor (audited)', async () => {
    // The admin enrolled in the test above; their second factor is turned off directly so this test signs in with the password alone.
    const { rows } = await s.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [DEMO.admin]);
    await s.db.query('UPDATE users SET totp_enabled = false, totp_secret = NULL WHERE id = $1', [rows[0]!.id]);
    const admin = await login(s.url, DEMO.admin);
    const settings = await api<Record<string, unknown>>(s.url, admin, 'GET', '/api/admin/settings');
    expect(settings.body.requireTwoFactor).toBe(false);
    const saved = await api<Record<string, unknown>>(s.url, admin, 'PUT', '/api/admin/settings', {
      ...settings.body,
      requireTwoFactor: true,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.requireTwoFactor).toBe(true);

    const agent = await login(s.url, DEMO.agent);
    const me = await api<{ user: { mustEnrolTotp: boolean } }>(s.url, agent, 'GET', '/api/auth/me');
    expect(me.body.user.mustEnrolTotp).toBe(true);
    const designs = await api<{ error: { code: string } }>(s.url, agent, 'GET', '/api/designs');
    expect(designs.status).toBe(403);
    expect(designs.body.error.code).toBe('two_factor_required');
    await enrol(agent);
    expect((await api(s.url, agent, 'GET', '/api/designs')).status).toBe(200);
    expect((await api<{ user: { mustEnrolTotp: boolean } }>(s.url, agent, 'GET', '/api/auth/me')).body.user.mustEnrolTotp).toBe(false);
    // Turning it off is refused while required.
    expect((await api(s.url, agent, 'POST', '/api/account/totp/disable', { password: DEMO_PASSWORD })).status).toBe(409);

    const agentId = (await s.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [DEMO.agent])).rows[0]!.id;
    expect((await api(s.url, agent, 'POST', `/api/people/${agentId}/totp/reset`)).status).toBe(403);
    expect((await api(s.url, admin, 'POST', `/api/people/${agentId}/totp/reset`)).status).toBe(204);
    const people = await api<{ people: Array<{ email: string; totpEnabled: boolean; lastLoginAt: string | null }> }>(
      s.url,
      admin,
      'GET',
      '/api/people',
    );
    const row = people.body.people.find((p) => p.email === DEMO.agent)!;
    expect(row.totpEnabled).toBe(false);
    expect(row.lastLoginAt).not.toBeNull();
    // Without a second factor again, the agent is back to enrolment only.
    expect((await api(s.url, agent, 'GET', '/api/designs')).status).toBe(403);
    const audit = await api<{ entries: Array<{ action: string; targetId: string }> }>(
      s.url,
      admin,
      'GET',
      '/api/admin/audit?action=auth.totp_reset',
    );
    expect(audit.body.entries.some((e) => e.action === 'auth.totp_reset' && e.targetId === agentId)).toBe(true);
    await api(s.url, admin, 'PUT', '/api/admin/settings', { ...settings.body, requireTwoFactor: false });
  });
});
