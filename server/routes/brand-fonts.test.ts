import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { DEMO } from '../test-support/identity.js';
import { testTtf, testWoff2 } from '../test-support/fonts.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';
import { MAX_FONT_BYTES, UploadedFontSchema } from '../../shared/api/brand-fonts.js';

let db: TestDatabase;
let server: TestServer;
const t = { brand: '', agent: '', rival: '', admin: '' };

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({}, { db: await db.open() });
  for (const who of Object.keys(t) as Array<keyof typeof t>) t[who] = await login(server.url, DEMO[who]);
});
afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

function upload(token: string, bytes: Uint8Array, name: string, family?: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), name);
  const q = family ? `?family=${encodeURIComponent(family)}` : '';
  return fetch(`${server.url}/api/brand-kit/fonts${q}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
}

describe('brand font routes (shared/api/brand-fonts.ts)', () => {
  it('a brand manager uploads a TTF: family from its name table, listed, served with caching headers, audited', async () => {
    const ttf = testTtf(700);
    const res = await upload(t.brand, ttf, 'brand.ttf');
    expect(res.status).toBe(201);
    const font = UploadedFontSchema.parse(await res.json());
    expect(font).toMatchObject({ family: 'Montserrat', weight: 700, style: 'normal', format: 'ttf' });

    const list = await api<{ fonts: Array<{ id: string }> }>(server.url, t.agent, 'GET', '/api/brand-kit/fonts');
    expect(list.status).toBe(200);
    expect(list.body.fonts.map((f) => f.id)).toContain(font.id);

    const file = await fetch(`${server.url}${font.url}`, { headers: { authorization: `Bearer ${t.agent}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('font/ttf');
    expect(file.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(ttf))).toBe(true);
    const again = await fetch(`${server.url}${font.url}`, {
      headers: { authorization: `Bearer ${t.agent}`, 'if-none-match': file.headers.get('etag')! },
    });
    expect(again.status).toBe(304);

    const audit = await api<{ entries: Array<{ action: string; targetId: string | null }> }>(
      server.url,
      t.admin,
      'GET',
      '/api/admin/audit',
    );
    expect(audit.body.entries.some((e) => e.action === 'brand_kit.font_uploaded' && e.targetId === font.id)).toBe(true);

    // The same face again is a conflict, not a second copy.
    const dup = await upload(t.brand, ttf, 'brand.ttf');
    expect(dup.status).toBe(409);
  });

  it('a WOFF2 keeps its format; the family given in the query wins over the name table', async () => {
    const res = await upload(t.admin, testWoff2(), 'x.woff2', 'Harbor Sans');
    expect(res.status).toBe(201);
    expect(UploadedFontSchema.parse(await res.json())).toMatchObject({
      family: 'Harbor Sans',
      weight: 400,
      style: 'italic',
      format: 'woff2',
    });
  });

  it('rejects a PNG renamed .ttf with 400 and a file over the limit with 413, in our error shape', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const bad = await upload(t.brand, png, 'logo.ttf');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('not_a_font');

    const truncated = await upload(t.brand, testTtf(400).slice(0, 20_000), 'cut.ttf');
    expect(truncated.status).toBe(400);

    const big = new Uint8Array(MAX_FONT_BYTES + 1);
    big.set(testTtf(400));
    const tooBig = await upload(t.brand, big, 'big.ttf');
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: { code: string } }).error.code).toBe('file_too_large');

    const json = await api<{ error: { code: string } }>(server.url, t.brand, 'POST', '/api/brand-kit/fonts', { file: 'x' });
    expect(json.status).toBe(415);
  });

  it('agents may not upload or delete (403); another brokerage sees nothing (404)', async () => {
    expect((await upload(t.agent, testTtf(400), 'a.ttf')).status).toBe(403);
    const mine = UploadedFontSchema.parse(await (await upload(t.brand, testTtf(400), 'r.ttf')).json());
    expect((await api(server.url, t.agent, 'DELETE', `/api/brand-kit/fonts/${mine.id}`)).status).toBe(403);

    const rivalFile = await fetch(`${server.url}${mine.url}`, { headers: { authorization: `Bearer ${t.rival}` } });
    expect(rivalFile.status).toBe(404);
    const rivalList = await api<{ fonts: unknown[] }>(server.url, t.rival, 'GET', '/api/brand-kit/fonts');
    expect(rivalList.body.fonts).toEqual([]);

    expect((await api(server.url, t.brand, 'DELETE', `/api/brand-kit/fonts/${mine.id}`)).status).toBe(204);
    expect((await api(server.url, t.brand, 'DELETE', `/api/brand-kit/fonts/${mine.id}`)).status).toBe(404);
    expect((await fetch(`${server.url}${mine.url}`, { headers: { authorization: `Bearer ${t.agent}` } })).status).toBe(404);
  });
});
