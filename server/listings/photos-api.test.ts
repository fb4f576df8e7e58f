import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffImage } from '../assets/index.js';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { JPEG_4x3, solidPng } from '../test-support/images.js';
import { startPhotoServer, type PhotoServer } from '../test-support/photo-server.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';
import { fixture } from '../test-support/reso-fixtures/index.js';

let db: TestDatabase;
let server: TestServer;
let photos: PhotoServer;
let dataDir: string;
let agent: string;
let rival: string;
let listingId: string;
let unlistedId: string;

const PNG = solidPng(6, 4, [20, 160, 90]);
const MAX_BYTES = 4096;

/** The single-property fixture with its photos on our photo server, in feed order 0..n. */
function listingWithPhotos(key: string, origin: string, names: string[]): Record<string, unknown> {
  const media = names.map((name, i) => ({
    MediaKey: `m${i}`,
    MediaURL: `${origin}/${name}`,
    Order: i,
    MediaCategory: 'Photo',
    Permission: ['Public'],
  }));
  return { ...fixture('single-property'), ListingKey: key, Media: media };
}

async function raw(path: string, token = agent): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const cachedFiles = async () =>
  (await readdir(join(dataDir, 'listing-photos')).catch(() => [] as string[])).filter((f) => !f.endsWith('.tmp'));

beforeAll(async () => {
  photos = await startPhotoServer({
    '/front.png': { type: 'image/png', body: PNG },
    '/kitchen.jpg': { type: 'image/jpeg', body: JPEG_4x3 },
    '/page.html': { type: 'image/jpeg', body: '<html><script>alert(1)</script></html>' },
    '/huge.png': { type: 'image/png', body: Buffer.concat([PNG, Buffer.alloc(MAX_BYTES)]) },
  });
  dataDir = await mkdtemp(join(tmpdir(), 'rb-photos-'));
  db = await freshPglite();
  server = await startTestServer(
    { DATA_DIR: dataDir, MAX_UPLOAD_BYTES: String(MAX_BYTES), LISTING_PHOTO_PRIVATE_HOSTS: `127.0.0.1:${photos.port}` },
    { db: await db.open() },
  );
  [agent, rival] = await Promise.all([login(server.url, 'agent@demo.realbrand.test'), login(server.url, 'agent@rival.realbrand.test')]);
  const imported = await api<{ listings: { id: string }[] }>(server.url, agent, 'POST', '/api/listings/import', {
    value: [
      listingWithPhotos('PHOTOS-1', photos.origin, ['front.png', 'kitchen.jpg', 'page.html', 'huge.png']),
      // Same address by name, not on the allow-list: must be refused.
      listingWithPhotos('PHOTOS-2', `http://localhost:${photos.port}`, ['front.png']),
    ],
  });
  [listingId, unlistedId] = imported.body.listings.map((l) => l.id) as [string, string];
}, 180_000);

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
  await photos?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('GET /api/listings/:id/photos/:index', () => {
  it('fetches the photo once, keeps it under DATA_DIR, and serves it with its type and a private cache header', async () => {
    const first = await raw(`/api/listings/${listingId}/photos/0`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/png');
    expect(first.headers.get('cache-control')).toBe('private, max-age=86400');
    expect(first.bytes).toEqual(PNG);
    expect(photos.hits.get('/front.png')).toBe(1);
    expect(await cachedFiles()).toHaveLength(1);

    const again = await raw(`/api/listings/${listingId}/photos/0`);
    expect(again.status).toBe(200);
    expect(again.bytes).toEqual(PNG);
    expect(photos.hits.get('/front.png')).toBe(1); // from disk

    const jpeg = await raw(`/api/listings/${listingId}/photos/1`);
    expect(jpeg.status).toBe(200);
    expect(jpeg.headers.get('content-type')).toBe('image/jpeg');
    expect(sniffImage(jpeg.bytes)).toEqual({ mime: 'image/jpeg', width: 4, height: 3 });
  });

  it("is scoped to the brokerage: a rival's request is a 404 and fetches nothing", async () => {
    const before = photos.hits.get('/kitchen.jpg') ?? 0;
    const r = await api<{ error: { code: string; message: string } }>(server.url, rival, 'GET', `/api/listings/${listingId}/photos/1`);
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'not_found', message: expect.any(String) });
    expect(photos.hits.get('/kitchen.jpg') ?? 0).toBe(before);
    expect((await fetch(`${server.url}/api/listings/${listingId}/photos/0`)).status).toBe(401);
  });

  it('unknown listing or photo index → 404; bad params → 400', async () => {
    for (const path of [`/api/listings/no-such-listing/photos/0`, `/api/listings/${listingId}/photos/9`]) {
      const r = await api<{ error: { code: string } }>(server.url, agent, 'GET', path);
      expect(r.status, path).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    }
    for (const path of [
      `/api/listings/${listingId}/photos/-1`,
      `/api/listings/${listingId}/photos/x`,
      `/api/listings/${listingId}/photos/1000`,
      `/api/listings/bad%20id/photos/0`,
    ]) {
      const r = await api<{ error: { code: string } }>(server.url, agent, 'GET', path);
      expect(r.status, path).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
    }
  });

  it('bytes that are not an image, an oversized photo, and a private address not on the allow-list → 502, nothing kept', async () => {
    const kept = (await cachedFiles()).length;
    for (const [id, index] of [
      [listingId, 2],
      [listingId, 3],
      [unlistedId, 0],
    ] as const) {
      const r = await api<{ error: { code: string; message: string } }>(server.url, agent, 'GET', `/api/listings/${id}/photos/${index}`);
      expect(r.status, `${id}/${index}`).toBe(502);
      expect(r.body.error).toMatchObject({ code: 'photo_unavailable', message: expect.any(String) });
    }
    expect(await cachedFiles()).toHaveLength(kept);
    // Not cached: asked again, the server tries again — when a person asks to retry; views in the
    // meantime wait for the next attempt (backoff) instead of downloading again every time.
    const hits = photos.hits.get('/page.html');
    const waiting = await raw(`/api/listings/${listingId}/photos/2`);
    expect(waiting.status).toBe(502);
    expect(Number(waiting.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(photos.hits.get('/page.html')).toBe(hits);
    expect((await raw(`/api/listings/${listingId}/photos/2?retry=1`)).status).toBe(502);
    expect(photos.hits.get('/page.html')).toBe(hits! + 1);
  });

  it("a failed photo is not downloaded again on every view; a person's retry downloads it now, and it is served once it works", async () => {
    photos.routes.set('/flaky.jpg', { status: 503, body: 'busy' });
    const made = await api<{ listings: { id: string }[] }>(server.url, agent, 'POST', '/api/listings/import', {
      value: [listingWithPhotos('PHOTOS-FLAKY', photos.origin, ['flaky.jpg'])],
    });
    const id = made.body.listings[0]!.id;
    const path = `/api/listings/${id}/photos/0`;
    expect((await raw(path)).status).toBe(502);
    expect(photos.hits.get('/flaky.jpg')).toBe(1);
    // A listings page and a flyer asking again and again: no new download.
    for (let i = 0; i < 5; i++) expect((await raw(path)).status).toBe(502);
    expect(photos.hits.get('/flaky.jpg')).toBe(1);
    // The MLS is back; the person clicks Retry.
    photos.routes.set('/flaky.jpg', { type: 'image/jpeg', body: JPEG_4x3 });
    const retried = await raw(`${path}?retry=1`);
    expect(retried.status).toBe(200);
    expect(sniffImage(retried.bytes)?.mime).toBe('image/jpeg');
    expect((await raw(path)).status).toBe(200);
    expect(photos.hits.get('/flaky.jpg')).toBe(2);
    expect((await api<{ error: { code: string } }>(server.url, agent, 'GET', `${path}?retry=yes`)).status).toBe(400);
  });

  it('the listing list shows the first photo by its same-origin path', async () => {
    const list = await api<{ listings: { id: string; photo: string | null }[] }>(server.url, agent, 'GET', '/api/listings');
    expect(list.body.listings.find((l) => l.id === listingId)?.photo).toBe(`/api/listings/${listingId}/photos/0`);
  });

  it('a flyer merged from the listing: its server-made PDF embeds our copy of the photo', async () => {
    const created = await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', {
      title: 'Flyer',
      templateId: 'listing-flyer',
      listingId,
    });
    expect(created.status).toBe(201);
    const pdf = await raw(`/api/designs/${created.body.id}/export.pdf`);
    expect(pdf.status).toBe(200);
    // The photo is embedded at its own pixel size, as a PDF reader lists it (poppler's pdfimages).
    const dir = await mkdtemp(join(tmpdir(), 'rb-photo-pdf-'));
    try {
      await writeFile(join(dir, 'flyer.pdf'), pdf.bytes);
      const listed = execFileSync('pdfimages', ['-list', join(dir, 'flyer.pdf')], { encoding: 'utf8' });
      const sizes = listed
        .split('\n')
        .slice(2)
        .map((line) => line.trim().split(/\s+/).slice(3, 5).join('x'));
      expect(sizes).toContain('6x4');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
