import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { DEMO } from '../test-support/identity.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';
import { startTestSmtp, type TestSmtp } from '../test-support/smtp.js';
import { LicenseNoticeRepository } from './notices-repo.js';
import { addDays, daysBetween, expiryPhrase, isCalendarDay, utcDay } from './expiry.js';

let pg: TestDatabase;
let s: TestServer;
let smtp: TestSmtp;
const t: Record<'admin' | 'agent' | 'agent2' | 'rival' | 'brand', string> = { admin: '', agent: '', agent2: '', rival: '', brand: '' };
const ids: Record<keyof typeof t, string> = { admin: '', agent: '', agent2: '', rival: '', brand: '' };
const today = utcDay();

beforeAll(async () => {
  pg = await freshPglite();
  smtp = await startTestSmtp();
  s = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'RealBrand <no-reply@realbrand.test>' }, { db: await pg.open() });
  for (const who of Object.keys(t) as Array<keyof typeof t>) {
    t[who] = await login(s.url, DEMO[who]);
    ids[who] = (await api<{ user: { id: string } }>(s.url, t[who], 'GET', '/api/auth/me')).body.user.id;
  }
  // The check ran at start (nothing was due yet); let it finish before the profiles change.
  await s.app.licenseExpiry.settle();
});
afterAll(async () => {
  await s?.close();
  await s?.db.close();
  await smtp?.close();
  await pg?.drop();
});

async function setLicenses(token: string, licenses: Array<{ state: string; number: string; expiresOn: string }>) {
  const current = await api<{ profile: Record<string, unknown> }>(s.url, token, 'GET', '/api/profile');
  const res = await api(s.url, token, 'PUT', '/api/profile', { ...current.body.profile, licenses });
  expect(res.status).toBe(200);
}

type Row = { userId: string; name: string; state: string; number: string; expiresOn: string; daysLeft: number };

describe('day arithmetic', () => {
  it('counts whole UTC days and knows a calendar date', () => {
    expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
    expect(daysBetween('2027-01-01', '2027-03-02')).toBe(60);
    expect(daysBetween('2027-01-01', '2027-01-01')).toBe(0);
    expect(isCalendarDay('2027-02-31')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(expiryPhrase(0)).toBe('today');
    expect(expiryPhrase(1)).toBe('tomorrow');
    expect(expiryPhrase(9)).toBe('in 9 days');
  });
});

describe('license expiry', () => {
  it('admins see who expires in the next 60 days, soonest first, only in their brokerage', async () => {
    await setLicenses(t.agent, [
      { state: 'TX', number: 'TX-111', expiresOn: addDays(today, 30) },
      { state: 'CA', number: 'CA-222', expiresOn: addDays(today, 61) },
      { state: 'FL', number: 'FL-333', expiresOn: addDays(today, -1) },
      { state: 'NY', number: 'NY-444', expiresOn: '' },
    ]);
    await setLicenses(t.agent2, [
      { state: 'TX', number: 'TX-555', expiresOn: addDays(today, 3) },
      { state: 'OK', number: 'OK-666', expiresOn: addDays(today, 60) },
    ]);
    await setLicenses(t.rival, [{ state: 'TX', number: 'TX-999', expiresOn: addDays(today, 1) }]);

    const res = await api<{ withinDays: number; licenses: Row[] }>(s.url, t.admin, 'GET', '/api/admin/license-expiry');
    expect(res.status).toBe(200);
    expect(res.body.withinDays).toBe(60);
    expect(res.body.licenses.map((l) => [l.userId, l.state, l.number, l.daysLeft])).toEqual([
      [ids.agent2, 'TX', 'TX-555', 3],
      [ids.agent, 'TX', 'TX-111', 30],
      [ids.agent2, 'OK', 'OK-666', 60],
    ]);
    expect(res.body.licenses[0]!.expiresOn).toBe(addDays(today, 3));
    expect(res.body.licenses[0]!.name).toBeTruthy();

    const rival = await api<{ error: { code: string } }>(s.url, t.rival, 'GET', '/api/admin/license-expiry');
    expect(rival.status).toBe(403);
    expect((await api(s.url, t.brand, 'GET', '/api/admin/license-expiry')).status).toBe(403);
  });

  it('the daily check notifies each person once per license and expiry date (inbox and email), however often it runs', async () => {
    const first = await s.app.licenseExpiry.check(today);
    // agent TX, agent2 TX and OK, rival TX: every brokerage's people.
    expect(first).toEqual({ due: 4, sent: 4 });
    // Again the same day, and two runs at once (as two instances would): nothing more is sent.
    expect(await s.app.licenseExpiry.check(today)).toEqual({ due: 4, sent: 0 });
    const [a, b] = await Promise.all([s.app.licenseExpiry.check(today), s.app.licenseExpiry.check(today)]);
    expect(a.sent + b.sent).toBe(0);

    const inbox = await api<{ notifications: Array<{ kind: string; title: string }> }>(s.url, t.agent, 'GET', '/api/notifications');
    const notices = inbox.body.notifications.filter((n) => n.kind === 'license_expiring');
    expect(notices.map((n) => n.title)).toEqual([`Your TX license TX-111 expires in 30 days (${addDays(today, 30)})`]);
    const mail = await smtp.waitForMail(DEMO.agent, /TX license TX-111 expires/);
    expect(mail.links.some((l) => l.endsWith('/profile'))).toBe(true);
    await smtp.waitForMail(DEMO.rival, /TX license TX-999 expires tomorrow/);
    expect(smtp.mails.filter((m) => m.to.includes(DEMO.agent) && /license/.test(m.subject))).toHaveLength(1);

    // What was sent is stored per license and date.
    expect(await new LicenseNoticeRepository(s.db).countFor((await brokerageOf(t.agent2)) ?? '', ids.agent2)).toBe(2);
  });

  it('a renewed license that again nears its new date is a new window: one more notice', async () => {
    await setLicenses(t.agent, [{ state: 'TX', number: 'TX-111', expiresOn: addDays(today, 45) }]);
    expect((await s.app.licenseExpiry.check(today)).sent).toBe(1);
    expect((await s.app.licenseExpiry.check(addDays(today, 1))).sent).toBe(0);
    const inbox = await api<{ notifications: Array<{ kind: string }> }>(s.url, t.agent, 'GET', '/api/notifications');
    expect(inbox.body.notifications.filter((n) => n.kind === 'license_expiring')).toHaveLength(2);
  });
});

async function brokerageOf(token: string): Promise<string | undefined> {
  return (await api<{ user: { brokerageId: string } }>(s.url, token, 'GET', '/api/auth/me')).body.user.brokerageId;
}
