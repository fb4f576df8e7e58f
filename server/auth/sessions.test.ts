import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, TEST_SECRET, type TestServer } from '../test-support/server.js';
import { browserLogin, cookieHeader, DEMO } from '../test-support/identity.js';
import { TokenSigner } from './token.js';

let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({}, { db: await db.open() });
});

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('refresh tokens', () => {
  it('rotate on every use; reusing an old one revokes the whole family', async () => {
    const first = await browserLogin(server.url, DEMO.agent);
    const r1 = await post('/api/auth/refresh', { refreshToken: first.refreshToken });
    expect(r1.status).toBe(200);
    const second = (await r1.json()) as { accessToken: string; refreshToken: string };
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await api(server.url, second.accessToken, 'GET', '/api/auth/me')).status).toBe(200);

    // The first token again: reuse. Everything of this session stops working.
    const reuse = await post('/api/auth/refresh', { refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    expect((await api(server.url, second.accessToken, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await post('/api/auth/refresh', { refreshToken: second.refreshToken })).status).toBe(401);
    const audit = await api<{ entries: Array<{ action: string }> }>(
      server.url,
      await login(server.url, DEMO.admin),
      'GET',
      '/api/admin/audit?action=auth.refresh_reuse',
    );
    expect(audit.body.entries.length).toBe(1);
  });

  it('a browser with an expired access cookie is carried by its refresh cookie (rotated, new cookies)', async () => {
    const s = await browserLogin(server.url, DEMO.agent2);
    const expired = new TokenSigner(TEST_SECRET).sign({ sub: s.user.id, bid: s.user.brokerageId, sid: 'x', exp: 1 });
    const cookie = s.cookie.replace(/rb_session=[^;]+/, `rb_session=${expired}`);
    const res = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const renewed = cookieHeader(res);
    expect(renewed).toMatch(/rb_session=v1\./);
    expect(renewed).toMatch(/rb_refresh=rt1\./);
    expect(res.headers.getSetCookie().every((c) => /HttpOnly/i.test(c) && /SameSite=Lax/i.test(c))).toBe(true);
  });
});

describe('access tokens', () => {
  it('expired, tampered and foreign-signed tokens are refused', async () => {
    const good = await login(server.url, DEMO.agent);
    const [v, body, mac] = good.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${v}.${Buffer.from(JSON.stringify({ ...claims, bid: 'someone-else' })).toString('base64url')}.${mac}`;
    const expired = new TokenSigner(TEST_SECRET).sign({
      ...(claims as { sub: string; bid: string; sid: string }),
      exp: Math.floor(Date.now() / 1000) - 1,
    });
    const foreign = new TokenSigner('another-secret-another-secret-another-secret').sign({
      ...(claims as { sub: string; bid: string; sid: string; exp: number }),
    });
    for (const token of [tampered, expired, foreign, `${good}x`, 'v1..', '']) {
      expect((await api(server.url, token, 'GET', '/api/auth/me')).status).toBe(401);
    }
    expect((await api(server.url, good, 'GET', '/api/auth/me')).status).toBe(200);
  });

  it('log-out and sign-out-everywhere end sessions', async () => {
    const a = await login(server.url, DEMO.brand);
    const b = await login(server.url, DEMO.brand);
    expect((await api(server.url, a, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await api(server.url, a, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await api(server.url, b, 'GET', '/api/auth/me')).status).toBe(200);
    const c = await login(server.url, DEMO.brand);
    expect((await api(server.url, c, 'POST', '/api/auth/logout-all')).status).toBe(204);
    expect((await api(server.url, b, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await api(server.url, c, 'GET', '/api/auth/me')).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated POST without the header, and one from another origin', async () => {
    const s = await browserLogin(server.url, DEMO.agent);
    const body = JSON.stringify({ title: 'csrf' });
    const plain = await fetch(`${server.url}/api/designs`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'content-type': 'application/json' },
      body,
    });
    expect(plain.status).toBe(403);
    expect(((await plain.json()) as { error: { code: string } }).error.code).toBe('csrf_rejected');
    const crossSite = await fetch(`${server.url}/api/designs`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'content-type': 'application/json', 'x-requested-with': 'fetch', origin: 'https://evil.example' },
      body,
    });
    expect(crossSite.status).toBe(403);
    const ok = await fetch(`${server.url}/api/designs`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'content-type': 'application/json', 'x-requested-with': 'fetch', origin: server.url },
      body,
    });
    expect(ok.status).toBe(201);
    // Bearer requests are exempt (a browser never attaches them by itself).
    expect((await api(server.url, s.accessToken, 'POST', '/api/designs', { title: 'bearer' })).status).toBe(201);
    // Nothing was created by the refused ones.
    const mine = await api<{ designs: Array<{ title: string }> }>(server.url, s.accessToken, 'GET', '/api/designs');
    expect(mine.body.designs.filter((d) => d.title === 'csrf')).toHaveLength(1);
  });
});

describe('log-in rate limits', () => {
  it('answers 429 with Retry-After after repeated failures for one account', async () => {
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 7; i++) {
      last = await post('/api/auth/login', { email: DEMO.agent2, password: `wrong-${i}` });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await last!.json()) as { error: { code: string } }).error.code).toBe('too_many_attempts');
    // Even the right password waits: the limit is checked first.
    expect((await post('/api/auth/login', { email: DEMO.agent2, password: 'realbrand-demo' })).status).toBe(429);
    // Another account from the same address is not locked out by this.
    expect((await post('/api/auth/login', { email: DEMO.admin, password: 'realbrand-demo' })).status).toBe(200);
    const audit = await api<{ entries: Array<{ action: string }> }>(
      server.url,
      await login(server.url, DEMO.admin),
      'GET',
      `/api/admin/audit?action=auth.login_failed&actor=${DEMO.agent2}`,
    );
    expect(audit.body.entries.length).toBeGreaterThanOrEqual(5);
  });
});

describe('security headers', () => {
  it('sets CSP, frame-ancestors, nosniff on API responses', async () => {
    const res = await fetch(`${server.url}/api/auth/me`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('content-security-policy')).toMatch(/img-src 'self' blob: data:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('collaboration sockets checked together', () => {
  it('each socket of a burst gets its own answer: live session, ended session, claims of another brokerage', async () => {
    const { default: WS } = await import('ws');
    const live = await browserLogin(server.url, DEMO.agent);
    const ended = await browserLogin(server.url, DEMO.agent);
    expect((await api(server.url, ended.accessToken, 'POST', '/api/auth/logout')).status).toBeLessThan(300);
    const design = await api<{ id: string }>(server.url, live.accessToken, 'POST', '/api/designs', { title: 'burst' });
    const claims = JSON.parse(Buffer.from(live.accessToken.split('.')[1]!, 'base64url').toString()) as {
      sub: string;
      bid: string;
      sid: string;
      exp: number;
    };
    const foreign = new TokenSigner(TEST_SECRET).sign({ ...claims, bid: 'another-brokerage' });
    const outcome = (token: string) =>
      new Promise<string>((resolve) => {
        const ws = new WS(`${server.wsUrl}/collab/${design.body.id}?token=${token}`);
        ws.on('message', () => {
          resolve('open');
          ws.close();
        });
        ws.on('close', (code, reason) => resolve(`${code} ${reason.toString()}`));
        ws.on('error', () => undefined);
      });
    // A different access token per live socket, so no check is remembered from another.
    const liveTokens = [live.accessToken];
    let refresh = live.refreshToken;
    while (liveTokens.length < 8) {
      const r = (await (await post('/api/auth/refresh', { refreshToken: refresh })).json()) as {
        accessToken: string;
        refreshToken: string;
      };
      liveTokens.push(r.accessToken);
      refresh = r.refreshToken;
    }
    const tokens = liveTokens.flatMap((t) => [t, ended.accessToken, foreign]);
    const results = await Promise.all(tokens.map(outcome));
    expect(results).toEqual(tokens.map((t) => (t === ended.accessToken || t === foreign ? '4401 session ended' : 'open')));
  });
});
