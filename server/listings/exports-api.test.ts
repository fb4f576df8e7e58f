import { pdfText } from '../test-support/poppler.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';
import { fixture } from './fixtures/index.js';
import { unzipSync } from 'fflate';

let db: TestDatabase;
let server: TestServer;
let agent: string;
let rival: string;
let listingIds: string[];

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({ PUBLIC_URL: 'https://brand.example.test' }, { db: await db.open() });
  [agent, rival] = await Promise.all([login(server.url, 'agent@demo.realbrand.test'), login(server.url, 'agent@rival.realbrand.test')]);
  const a = await api<{ listings: { id: string }[] }>(server.url, agent, 'POST', '/api/listings/import', fixture('single-property'));
  const b = await api<{ listings: { id: string }[] }>(server.url, agent, 'POST', '/api/listings/import', fixture('odata-page'));
  const c = await api<{ listings: { id: string }[] }>(server.url, agent, 'POST', '/api/listings/import', fixture('no-internet'));
  listingIds = [...a.body.listings, ...b.body.listings, ...c.body.listings].map((l) => l.id);
}, 180_000);

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

async function raw(path: string, token = agent): Promise<{ status: number; type: string; bytes: Buffer }> {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The archive's entries, as a standard ZIP reader sees them. */
function unzip(buf: Buffer): { name: string; data: Buffer }[] {
  return Object.entries(unzipSync(buf)).map(([name, data]) => ({ name, data: Buffer.from(data) }));
}

describe('bulk designs and exports', () => {
  it('generates one design per listing with progress, reports the opted-out one, and exports a ZIP of PDFs', async () => {
    const start = await api<{ jobId: string; total: number }>(server.url, agent, 'POST', '/api/listings/bulk-designs', { templateId: 'just-listed-post', listingIds });
    expect(start.status).toBe(202);
    expect(start.body.total).toBe(4);
    const job = await waitFor(
      async () => {
        const r = await api<{ status: string; done: number; designIds: string[]; errors: { listingId: string; code: string }[] }>(server.url, agent, 'GET', `/api/listings/jobs/${start.body.jobId}`);
        return r.body.status === 'done' ? r.body : null;
      },
      20_000,
      'bulk job',
    );
    expect(job.done).toBe(4);
    expect(job.designIds).toHaveLength(3);
    expect(job.errors).toEqual([{ listingId: listingIds[3], code: 'listing_display_restricted', message: expect.any(String) }]);

    expect((await raw(`/api/listings/jobs/${start.body.jobId}`, rival)).status).toBe(404);
    expect((await raw(`/api/listings/jobs/${start.body.jobId}/export.zip`, rival)).status).toBe(404);

    const archive = await raw(`/api/listings/jobs/${start.body.jobId}/export.zip`);
    expect(archive.status).toBe(200);
    expect(archive.type).toBe('application/zip');
    const entries = unzip(archive.bytes);
    expect(entries).toHaveLength(3);
    for (const e of entries) {
      expect(e.name).toMatch(/\.pdf$/);
      expect(e.data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    const all = entries.map((e) => pdfText(new Uint8Array(e.data))).join('\n');
    expect(all).toContain('$1,250,000');
    expect(all).toContain('$689,500');
    expect(all).toContain('1847 Bluebonnet Lane');
  });

  it('refuses a bulk job over another brokerage\'s listings', async () => {
    const r = await api(server.url, rival, 'POST', '/api/listings/bulk-designs', { templateId: 'listing-flyer', listingIds: [listingIds[0]] });
    expect(r.status).toBe(404);
  });

  it('exports one design as a PDF with its merged text', async () => {
    const created = await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', { title: 'Flyer', templateId: 'listing-flyer', listingId: listingIds[0] });
    const pdf = await raw(`/api/designs/${created.body.id}/export.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    // The text is real text in the embedded brand fonts (glyph ids with a ToUnicode map): read it as a user's tools do.
    expect(pdfText(new Uint8Array(pdf.bytes))).toContain('$1,250,000');
    expect((await raw(`/api/designs/${created.body.id}/export.pdf`, rival)).status).toBe(404);
  });

  it('exports an email signature as email-safe HTML with absolute image URLs', async () => {
    const created = await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', { title: 'Signature', templateId: 'email-signature' });
    const html = await raw(`/api/designs/${created.body.id}/export/email-signature.html`);
    expect(html.status).toBe(200);
    expect(html.type).toMatch(/^text\/html/);
    const text = html.bytes.toString('utf8');
    expect(text).toMatch(/^<!--/);
    expect(text).toContain('<table role="presentation"');
    expect(text).not.toMatch(/<style|<script|position:\s*absolute|class=/i);
    expect(text).toContain('src="https://brand.example.test/brand/demo-logo.svg"');
    expect(text).toContain('Demo Realty, LLC');
    for (const m of text.matchAll(/src="([^"]+)"/g)) expect(m[1]).toMatch(/^https?:\/\//);
    expect((await raw(`/api/designs/${created.body.id}/export/email-signature.html`, rival)).status).toBe(404);
  });
});

describe('bad input is always a 4xx JSON error, never a 500', () => {
  const bodies: unknown[] = [
    null,
    42,
    'text',
    [],
    [null],
    { value: 'x' },
    { value: [1, 2, 3] },
    { ListingKey: {} },
    { ListingKey: 'k', ListPrice: { $gt: 1 } },
    { ListingKey: 'k'.repeat(5000), UnparsedAddress: 'x' },
    { __proto__: { polluted: true }, ListingKey: 'p', UnparsedAddress: 'x', constructor: 'c' },
    { ListingKey: 'k', UnparsedAddress: 'x', Media: [null, 1, 'x', { MediaURL: 5 }] },
    { ListingKey: 'k', UnparsedAddress: 'x', OpenHouse: [{ OpenHouseStartTime: 'never' }] },
  ];
  it.each(bodies.map((b, i) => [i, b]))('import body #%i', async (_i, body) => {
    const r = await api<{ error?: { code: string }; errors?: unknown[]; imported?: number }>(server.url, agent, 'POST', '/api/listings/import', body);
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
    expect(typeof r.body).toBe('object');
  });

  it('malformed JSON, wrong content type, unknown ids, bad queries', async () => {
    const post = (path: string, body: string, type = 'application/json') =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${agent}`, 'content-type': type }, body });
    for (const res of [
      await post('/api/listings/import', '{"value": ['),
      await post('/api/listings/import', 'ListingKey=1', 'text/plain'),
      await post('/api/listings/bulk-designs', '{"templateId": 1}'),
      await post('/api/listings/bulk-designs', JSON.stringify({ templateId: 'listing-flyer', listingIds: [] })),
      await post('/api/listings/bulk-designs', JSON.stringify({ templateId: 'nope', listingIds: [listingIds[0]] })),
      await post('/api/designs', JSON.stringify({ title: 'x', listingId: listingIds[0] })),
      await post('/api/designs', JSON.stringify({ title: 'x', templateId: 'listing-flyer', listingId: '../etc' })),
      await post('/api/designs', JSON.stringify({ title: 'x', templateId: 'listing-flyer', listingId: 'no-such-listing' })),
      await post('/api/designs', JSON.stringify({ title: 'x', templateId: 'just-listed-post', listingId: listingIds[3] })),
      await post('/api/designs/no-such/listing-update', '{}'),
      await post('/api/designs/no-such/listing-update', '{"force": "yes"}'),
    ]) {
      expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect((await res.json()) as { error: unknown }).toHaveProperty('error');
    }
    for (const path of ['/api/listings?limit=-1', '/api/listings?limit=abc', '/api/listings/%00', '/api/listings/no-such', '/api/listings/jobs/nope', '/api/designs/nope/listing-update']) {
      const r = await raw(path);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.status, path).toBeLessThan(500);
    }
    expect((await fetch(`${server.url}/api/listings`)).status).toBe(401);
  });
});
