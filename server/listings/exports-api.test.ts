import { pdfText } from '../test-support/poppler.js';
import { urlOf } from '../../shared/api/contract.js';
import { thumbnailsApi } from '../../shared/api/thumbnails.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';
import { fixture } from '../test-support/reso-fixtures/index.js';
import { unzipSync } from 'fflate';
import { inflateSync } from 'node:zlib';

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
  it('generates one design per listing with progress, reports the opted-out one, and exports a ZIP of PNGs at the post size (social posts are not printed)', async () => {
    const start = await api<{ jobId: string; total: number }>(server.url, agent, 'POST', '/api/listings/bulk-designs', {
      templateId: 'just-listed-post',
      listingIds,
    });
    expect(start.status).toBe(202);
    expect(start.body.total).toBe(4);
    const job = await waitFor(
      async () => {
        const r = await api<{ status: string; done: number; designIds: string[]; errors: { listingId: string; code: string }[] }>(
          server.url,
          agent,
          'GET',
          `/api/listings/jobs/${start.body.jobId}`,
        );
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
      expect(e.name).toMatch(/\.png$/);
      expect(e.data.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([e.data.readUInt32BE(16), e.data.readUInt32BE(20)]).toEqual([1080, 1080]);
    }
    // The merged text, read from each design's print PDF.
    const pdfs = await Promise.all(job.designIds.map((id) => raw(`/api/designs/${id}/export.pdf`)));
    const all = pdfs.map((p) => pdfText(new Uint8Array(p.bytes))).join('\n');
    expect(all).toContain('$1,250,000');
    expect(all).toContain('$689,500');
    expect(all).toContain('1847 Bluebonnet Lane');
  });

  it("refuses a bulk job over another brokerage's listings", async () => {
    const r = await api(server.url, rival, 'POST', '/api/listings/bulk-designs', {
      templateId: 'listing-flyer',
      listingIds: [listingIds[0]],
    });
    expect(r.status).toBe(404);
  });

  it('exports one design as a PDF with its merged text', async () => {
    const created = await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', {
      title: 'Flyer',
      templateId: 'listing-flyer',
      listingId: listingIds[0],
    });
    const pdf = await raw(`/api/designs/${created.body.id}/export.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    // The text is real text in the embedded brand fonts (glyph ids with a ToUnicode map): read it as a user's tools do.
    expect(pdfText(new Uint8Array(pdf.bytes))).toContain('$1,250,000');
    expect((await raw(`/api/designs/${created.body.id}/export.pdf`, rival)).status).toBe(404);
    // Print (CMYK): the brand kit's CMYK values for its navy (100/72/30/35) as DeviceCMYK fill operators.
    const cmyk = await raw(`/api/designs/${created.body.id}/export.pdf?cmyk=1`);
    expect(cmyk.status).toBe(200);
    const streams = (b: Buffer) =>
      [...b.toString('latin1').matchAll(/stream\n/g)]
        .map((m) => {
          const start = m.index + 7;
          try {
            return inflateSync(b.subarray(start, b.indexOf('endstream', start))).toString('latin1');
          } catch {
            return '';
          }
        })
        .join('\n');
    expect(streams(cmyk.bytes)).toContain('\n1 0.72 0.3 0.35 k\n');
    expect(streams(pdf.bytes)).not.toContain('\n1 0.72 0.3 0.35 k\n');
    expect((await raw(`/api/designs/${created.body.id}/export.pdf?cmyk=yes`)).status).toBe(400);
  });

  it('exports an email signature as email-safe HTML whose images load without a log-in', async () => {
    const created = await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', {
      title: 'Signature',
      templateId: 'email-signature',
    });
    const html = await raw(`/api/designs/${created.body.id}/export/email-signature.html`);
    expect(html.status).toBe(200);
    expect(html.type).toMatch(/^text\/html/);
    const text = html.bytes.toString('utf8');
    expect(text).toMatch(/^<!--/);
    expect(text).toContain('<table role="presentation"');
    expect(text).not.toMatch(/<style|<script|position:\s*absolute|class=/i);
    expect(text).toContain('Demo Realty, LLC');
    const srcs = [...text.matchAll(/src="([^"]+)"/g)].map((m) => m[1]!);
    expect(srcs.length).toBeGreaterThan(0);
    for (const src of srcs) {
      // Public, unguessable (256-bit token), and the same URL on every export.
      expect(src).toMatch(/^https:\/\/brand\.example\.test\/p\/i\/[A-Za-z0-9_-]{43}$/);
      const img = await fetch(`${server.url}${new URL(src).pathname}`);
      expect(img.status).toBe(200);
      expect(img.headers.get('content-type')).toMatch(/^image\/(png|jpeg)$/);
      expect(img.headers.get('cache-control')).toContain('max-age=31536000');
      expect(
        Buffer.from(await img.arrayBuffer())
          .subarray(1, 4)
          .toString('latin1'),
      ).toBe('PNG');
    }
    const again = (await raw(`/api/designs/${created.body.id}/export/email-signature.html`)).bytes.toString('utf8');
    expect([...again.matchAll(/src="([^"]+)"/g)].map((m) => m[1])).toEqual(srcs);
    expect((await fetch(`${server.url}/p/i/${'A'.repeat(43)}`)).status).toBe(404);
    // The empty agent-photo frame is a placeholder: not in the signature.
    expect(srcs).toHaveLength(new Set(srcs).size);
    expect((await raw(`/api/designs/${created.body.id}/export/email-signature.html`, rival)).status).toBe(404);
  });
});

describe('exports by kind and shared thumbnails', () => {
  it('a social post exports as PNG and JPG at exactly 1080 × 1080 px, without placeholders', async () => {
    const created = await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', { title: 'Post', templateId: 'just-listed-post' });
    const png = await raw(`/api/designs/${created.body.id}/export.png`);
    expect(png.status).toBe(200);
    expect(png.type).toBe('image/png');
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([1080, 1080]);
    const res = await fetch(`${server.url}/api/designs/${created.body.id}/export.jpg`, { headers: { authorization: `Bearer ${agent}` } });
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('x-placeholders')).toContain('hero');
    expect((await raw(`/api/designs/${created.body.id}/export.png`, rival)).status).toBe(404);
  });

  it('serves one server-drawn thumbnail to everyone who may see the design, revalidated by ETag', async () => {
    const created = await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', { title: 'Thumb', templateId: 'listing-flyer' });
    const res = await fetch(`${server.url}/api/designs/${created.body.id}/thumbnail.png`, {
      headers: { authorization: `Bearer ${agent}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(res.headers.get('cache-control')).toContain('no-cache');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.readUInt32BE(16)).toBe(480);
    // The address the pages build (with their cache key) answers the same image.
    const again = await fetch(
      server.url + urlOf(thumbnailsApi.png, { params: { id: created.body.id }, query: { v: '2026-12-07T10:00:00.000Z' } }),
      {
        headers: { authorization: `Bearer ${agent}`, 'if-none-match': etag },
      },
    );
    expect(again.status).toBe(304);
    expect((await raw(`/api/designs/${created.body.id}/thumbnail.png`, rival)).status).toBe(404);
  });

  it('serves the brand font files the layout measures with, immutable', async () => {
    const res = await fetch(`${server.url}/api/fonts/montserrat-latin-700-normal.woff`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('wOFF');
    expect((await fetch(`${server.url}/api/fonts/..%2F..%2Fpackage.json`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/fonts/nope-latin-400-normal.woff`)).status).toBe(404);
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
    const r = await api<{ error?: { code: string }; errors?: unknown[]; imported?: number }>(
      server.url,
      agent,
      'POST',
      '/api/listings/import',
      body,
    );
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
    for (const path of [
      '/api/listings?limit=-1',
      '/api/listings?limit=abc',
      '/api/listings/%00',
      '/api/listings/no-such',
      '/api/listings/jobs/nope',
      '/api/designs/nope/listing-update',
    ]) {
      const r = await raw(path);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.status, path).toBeLessThan(500);
    }
    expect((await fetch(`${server.url}/api/listings`)).status).toBe(401);
  });
});
