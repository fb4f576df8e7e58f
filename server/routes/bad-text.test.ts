import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';
import { DEMO } from '../test-support/identity.js';

/**
 * NUL bytes and lone UTF-16 surrogates cannot be stored as PostgreSQL text; they used to
 * reach the database and come back as 500s. The JSON edge refuses them with a 400 that says
 * which field and why, wherever they appear (body, query string, path).
 */
let db: TestDatabase;
let server: TestServer;
let agent: string;
let designId: string;

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({}, { db: await db.open() });
  agent = await login(server.url, DEMO.agent);
  designId = (await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', { title: 'Text edge', templateId: 'listing-flyer' }))
    .body.id;
});

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

async function raw(
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; json: { error?: { code: string; message: string } } }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${agent}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body,
  });
  return { status: res.status, json: (await res.json()) as { error?: { code: string; message: string } } };
}

describe('text that PostgreSQL cannot store', () => {
  const cases: Array<[string, string, string, string]> = [
    ['a NUL in a design title', 'POST', '/api/designs', '{"title":"Open\\u0000house","templateId":"listing-flyer"}'],
    ['a lone high surrogate in a title', 'PATCH', '/api/designs/:id', '{"title":"Open \\ud800 house"}'],
    ['a lone low surrogate in a comment', 'POST', '/api/designs/:id/comments', '{"text":"fine \\udc00 print"}'],
    [
      'a NUL in a RESO key',
      'POST',
      '/api/listings/import',
      '{"ListingKey":"k\\u0000","ListingId":"L1","StandardStatus":"Active","ListPrice":1,"City":"Austin"}',
    ],
    ['a NUL in an object key', 'POST', '/api/designs', '{"title":"t","templateId":"listing-flyer","x\\u0000":1}'],
  ];
  for (const [what, method, path, body] of cases) {
    it(`${what} → 400 naming the problem`, async () => {
      const res = await raw(method, path.replace(':id', designId), body);
      expect(res.status).toBe(400);
      expect(res.json.error?.code).toBe('invalid_text');
      expect(res.json.error?.message).toMatch(/NUL|surrogate/);
    });
  }

  it('in the query string and the path → 400 too', async () => {
    expect((await raw('GET', '/api/listings?q=a%00b')).status).toBe(400);
    expect((await raw('GET', '/api/designs/a%00b')).status).toBe(400);
    expect((await raw('GET', '/api/listings/%ED%A0%80')).status).toBeLessThan(500);
  });

  it('a well-formed pair (an emoji) still goes through', async () => {
    const res = await raw('PATCH', `/api/designs/${designId}`, '{"title":"Open house \\ud83c\\udfe1"}');
    expect(res.status).toBe(200);
    expect((await api<{ title: string }>(server.url, agent, 'GET', `/api/designs/${designId}`)).body.title).toBe('Open house 🏡');
  });
});
