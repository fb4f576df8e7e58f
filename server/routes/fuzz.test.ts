import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';
import { DEMO } from '../test-support/identity.js';

/**
 * A fuzz pass over every JSON route: malformed bodies (wrong types, huge strings,
 * deep nesting, prototype-pollution keys) must get a 4xx JSON error, never a 500,
 * and must store nothing.
 */
let db: TestDatabase;
let server: TestServer;
let admin: string;
let designId: string;

// Routes that take no JSON body, or must not be hit (they end the test's session), or are not JSON.
const SKIP = new Set(['/api/auth/logout', '/api/auth/logout-all', '/api/assets', '/api/account/totp/setup']);
// Actions that take no body (or only optional fields) and ignore what is sent: never a 500, but may succeed.
const BODYLESS = new Set(['/api/designs/:id/submit', '/api/designs/:id/listing-update', '/api/compliance/scans', '/api/notifications/:id/read']);
// Answers 422 {imported, errors[]} (a per-record import report) rather than {error:{code}}: still 4xx JSON, no 500.
const OWN_ERROR_SHAPE = new Set(['/api/listings/import']);

/** Every POST/PUT/PATCH route, read from Fastify's route tree. */
function jsonRoutes(tree: string): Array<{ method: string; path: string }> {
  const out: Array<{ method: string; path: string }> = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack[depth] = m[2]!;
    const path = stack.join('');
    for (const method of m[3]!.split(', ')) if (['POST', 'PUT', 'PATCH'].includes(method) && !SKIP.has(path)) out.push({ method, path });
  }
  return out;
}

const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
const BODIES: Array<[string, string]> = [
  ['number', '42'],
  ['string', '"hello"'],
  ['null', 'null'],
  ['array', '[1,2,3]'],
  ['wrong field types', JSON.stringify({ email: 12, password: [], title: { x: 1 }, role: 7, access: true, token: 5, text: null, name: 1, id: {}, design: 'x' })],
  ['huge strings', JSON.stringify({ email: `${'a'.repeat(300_000)}@x.test`, title: 'x'.repeat(300_000), text: 'y'.repeat(300_000), name: 'z'.repeat(300_000), token: 't'.repeat(300_000) })],
  ['deep nesting', deep(5_000)],
  ['__proto__ key', '{"__proto__":{"isAdmin":true},"title":"p","email":"a@b.test","role":"admin"}'],
  ['constructor key', '{"constructor":{"prototype":{"isAdmin":true}},"title":"c","role":"admin"}'],
  ['unstorable text', '{"title":"a\\u0000b","text":"\\ud800","name":"n\\u0000","email":"e\\u0000@x.test","password":"\\udc00"}'],
  ['not JSON', '{"title": '],
  ['too large', JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) })],
];

async function counts(): Promise<Record<string, number>> {
  const tables = ['designs', 'users', 'invites', 'design_shares', 'design_updates', 'assets', 'brokerages'];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]!.n);
  return out;
}

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({}, { db: await db.open() });
  admin = await login(server.url, DEMO.admin);
  designId = (await api<{ id: string }>(server.url, admin, 'POST', '/api/designs', { title: 'Fuzz target', templateId: 'listing-flyer' })).body.id;
});

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

describe('malformed bodies on every JSON route', () => {
  it('always answer a 4xx JSON error, never 500, and store nothing', async () => {
    const routes = jsonRoutes(server.app.printRoutes({ commonPrefix: false }));
    expect(routes.length).toBeGreaterThan(10);
    const before = await counts();
    const failures: string[] = [];
    for (const { method, path } of routes) {
      const url = path.replace(/:id\b/, designId).replace(/:(\w+)/g, 'fuzz-$1');
      for (const [what, body] of BODIES) {
        const res = await fetch(`${server.url}${url}`, { method, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body });
        const text = await res.text();
        let json: { error?: { code?: string; message?: string } } | null = null;
        try {
          json = JSON.parse(text);
        } catch {
          json = null;
        }
        const ok = BODYLESS.has(path)
          ? res.status < 500 && (res.status < 400 || typeof json?.error?.code === 'string')
          : res.status >= 400 && res.status < 500 && (typeof json?.error?.code === 'string' || (OWN_ERROR_SHAPE.has(path) && json !== null));
        const leaks = /\bat \w+ \(|node_modules|SELECT |INSERT |syntax error/i.test(text);
        if (!ok || leaks) failures.push(`${method} ${path} [${what}] → ${res.status} ${text.slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await counts()).toEqual(before);
    // Prototype pollution did not happen.
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    // The session still works (nothing above broke the server).
    expect((await api(server.url, admin, 'GET', '/api/auth/me')).status).toBe(200);
  });
});
