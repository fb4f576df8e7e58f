import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';
import { DEMO } from '../test-support/identity.js';
import { z } from 'zod';
import { ENDPOINTS } from '../../shared/api/index.js';

/**
 * A fuzz pass over every JSON route: malformed bodies (wrong types, huge strings,
 * deep nesting, prototype-pollution keys) must get a 4xx JSON error, never a 500,
 * and must store nothing. The routes and their bodies' fields come from the contracts in
 * shared/api (every JSON route has one).
 */
let db: TestDatabase;
let server: TestServer;
let admin: string;
let designId: string;

// Routes that must not be hit (they end the test's session), or take no JSON (multipart, a fresh secret).
const SKIP = new Set(['/api/auth/logout', '/api/auth/logout-all', '/api/assets', '/api/account/totp/setup']);
// Answers 422 {imported, errors[]} (a per-record import report) rather than {error:{code}}: still 4xx JSON, no 500.
const OWN_ERROR_SHAPE = new Set(['/api/listings/import']);

interface FuzzTarget {
  method: string;
  path: string;
  /** May answer 2xx (it takes no body, or every field is optional): never a 500 all the same. */
  bodyless: boolean;
  /** Top-level body fields and their JSON types, read from the contract's schema. */
  fields: Record<string, string>;
}

/** The body's top-level fields and types, from its zod schema (empty when it has none or cannot say). */
function bodyFields(schema: z.ZodType | undefined): Record<string, string> {
  if (!schema) return {};
  try {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, { type?: string }>;
      anyOf?: Array<{ properties?: Record<string, { type?: string }> }>;
    };
    const props = json.properties ?? json.anyOf?.find((o) => o.properties)?.properties ?? {};
    return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v.type ?? 'unknown']));
  } catch {
    return {};
  }
}

/** Every JSON route: the contracts' POST/PUT/PATCH endpoints. */
function targets(): FuzzTarget[] {
  return ENDPOINTS.filter((e) => ['POST', 'PUT', 'PATCH'].includes(e.method) && !SKIP.has(e.path)).map((e) => ({
    method: e.method,
    path: e.path,
    bodyless: !e.body || e.body.safeParse(null).success || e.body.safeParse({}).success,
    fields: bodyFields(e.body),
  }));
}

/** A value of the wrong JSON type for each field the schema names (one body per field). */
const WRONG: Record<string, unknown> = {
  string: 12345,
  number: 'not a number',
  integer: 1.5e300,
  boolean: 'yes',
  array: { not: 'an array' },
  object: ['not', 'an object'],
};
const wrongFieldBodies = (fields: Record<string, string>): Array<[string, string]> =>
  Object.entries(fields).map(([k, type]) => [`${k} of the wrong type`, JSON.stringify({ [k]: WRONG[type] ?? { nested: [null] } })]);

const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
const BODIES: Array<[string, string]> = [
  ['number', '42'],
  ['string', '"hello"'],
  ['null', 'null'],
  ['array', '[1,2,3]'],
  [
    'wrong field types',
    JSON.stringify({ email: 12, password: [], title: { x: 1 }, role: 7, access: true, token: 5, text: null, name: 1, id: {}, design: 'x' }),
  ],
  [
    'huge strings',
    JSON.stringify({
      email: `${'a'.repeat(300_000)}@x.test`,
      title: 'x'.repeat(300_000),
      text: 'y'.repeat(300_000),
      name: 'z'.repeat(300_000),
      token: 't'.repeat(300_000),
    }),
  ],
  ['deep nesting', deep(5_000)],
  ['__proto__ key', '{"__proto__":{"isAdmin":true},"title":"p","email":"a@b.test","role":"admin"}'],
  ['constructor key', '{"constructor":{"prototype":{"isAdmin":true}},"title":"c","role":"admin"}'],
  ['unstorable text', '{"title":"a\\u0000b","text":"\\ud800","name":"n\\u0000","email":"e\\u0000@x.test","password":"\\udc00"}'],
  ['not JSON', '{"title": '],
  ['too large', JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) })],
];

async function counts(): Promise<Record<string, number>> {
  const tables = ['designs', 'users', 'invites', 'design_shares', 'design_updates', 'assets', 'brokerages', 'offices', 'brand_fonts'];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]!.n);
  return out;
}

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({}, { db: await db.open() });
  admin = await login(server.url, DEMO.admin);
  designId = (await api<{ id: string }>(server.url, admin, 'POST', '/api/designs', { title: 'Fuzz target', templateId: 'listing-flyer' }))
    .body.id;
});

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

describe('malformed bodies on every JSON route', () => {
  it('always answer a 4xx JSON error, never 500, and store nothing', async () => {
    const routes = targets();
    expect(routes.length).toBeGreaterThan(10);
    // Every route fuzzed exists (a contract that drifted from the server would be fuzzing nothing).
    expect(
      routes.filter((r) => !server.app.hasRoute({ method: r.method as 'POST', url: r.path })).map((r) => `${r.method} ${r.path}`),
    ).toEqual([]);
    const before = await counts();
    const failures: string[] = [];
    for (const { method, path, bodyless, fields } of routes) {
      const url = path.replace(/:id\b/, designId).replace(/:(\w+)/g, 'fuzz-$1');
      for (const [what, body] of [...BODIES, ...wrongFieldBodies(fields)]) {
        const res = await fetch(`${server.url}${url}`, {
          method,
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          body,
        });
        const text = await res.text();
        let json: { error?: { code?: string; message?: string } } | null;
        try {
          json = JSON.parse(text);
        } catch {
          json = null;
        }
        const ownShape = OWN_ERROR_SHAPE.has(path) && json !== null;
        const ok = bodyless
          ? res.status < 500 && (res.status < 400 || typeof json?.error?.code === 'string' || ownShape)
          : res.status >= 400 && res.status < 500 && (typeof json?.error?.code === 'string' || ownShape);
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
