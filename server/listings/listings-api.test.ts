import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { objectsMap, readDesign, type Design } from '../../shared/index.js';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';
import { stockClient, synced } from '../test-support/clients.js';
import { fixture } from '../test-support/reso-fixtures/index.js';

let db: TestDatabase;
let server: TestServer;
let agent: string;
let rival: string;

interface ImportBody {
  imported: number;
  listings: { id: string; listingKey: string }[];
  errors: { index: number; field: string; message: string }[];
}

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({}, { db: await db.open() });
  [agent, rival] = await Promise.all([login(server.url, 'agent@demo.realbrand.test'), login(server.url, 'agent@rival.realbrand.test')]);
}, 180_000);

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

async function designContent(id: string): Promise<Design> {
  const client = stockClient(server.wsUrl, id, agent);
  try {
    await synced(client);
    return readDesign(client.doc).design;
  } finally {
    client.destroy();
  }
}

const textOf = (d: Design, id: string) => {
  const o = d.objects[id];
  return o?.type === 'text' ? o.text : undefined;
};

describe('POST /api/listings/import', () => {
  it('imports a single Property and an OData page; bad records are reported by index and field and skipped', async () => {
    const one = await api<ImportBody>(server.url, agent, 'POST', '/api/listings/import', fixture('single-property'));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ imported: 1, errors: [], listings: [{ listingKey: '3yd-ACTRIS-5551234' }] });

    const page = await api<ImportBody>(server.url, agent, 'POST', '/api/listings/import', fixture('odata-page'));
    expect(page.status).toBe(200);
    expect(page.body.imported).toBe(2);
    expect(page.body.listings.map((l) => l.listingKey)).toEqual(['3yd-ACTRIS-7770001', '7770002']);
    const byIndex = (i: number) =>
      page.body.errors
        .filter((e) => e.index === i)
        .map((e) => e.field)
        .sort();
    expect(byIndex(2)).toEqual(['ListPrice', 'ListingKey']);
    expect(byIndex(3)).toEqual(['StandardStatus']);
    expect(byIndex(4)).toEqual(['(record)']);
    expect(byIndex(5)).toEqual(['Media']);
    for (const e of page.body.errors) expect(e.message.length).toBeGreaterThan(0);
  });

  it('lists and gets listings, normalised, scoped to the brokerage (404 across brokerages)', async () => {
    const list = await api<{
      listings: { id: string; listingKey: string; address: string; listPrice: number; status: string }[];
      total: number;
    }>(server.url, agent, 'GET', '/api/listings');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(3);
    const flyer = list.body.listings.find((l) => l.listingKey === '3yd-ACTRIS-5551234')!;
    expect(flyer).toMatchObject({ address: '1847 Bluebonnet Lane, Austin, TX 78704', listPrice: 1250000, status: 'Active' });

    const got = await api<{ listing: { photos: { url: string }[]; features: Record<string, string[]> }; history: unknown[] }>(
      server.url,
      agent,
      'GET',
      `/api/listings/${flyer.id}`,
    );
    expect(got.status).toBe(200);
    expect(got.body.listing.photos.map((p) => p.url.split('/').pop())).toEqual(['2.jpg', '1.jpg', '3.jpg']);
    expect(got.body.listing.features.InteriorFeatures).toEqual(['Ceiling Fans', 'Kitchen Island', 'Open Floorplan']);
    expect(got.body.history).toHaveLength(1);

    expect((await api(server.url, rival, 'GET', `/api/listings/${flyer.id}`)).status).toBe(404);
    expect((await api<{ total: number }>(server.url, rival, 'GET', '/api/listings')).body.total).toBe(0);
    expect(
      (await api(server.url, rival, 'POST', '/api/designs', { title: 'x', templateId: 'listing-flyer', listingId: flyer.id })).status,
    ).toBe(404);
  });

  it('creates a flyer with every binding resolved, then detects and applies a price drop through the live room', async () => {
    const list = await api<{ listings: { id: string; listingKey: string }[] }>(server.url, agent, 'GET', '/api/listings');
    const listingId = list.body.listings.find((l) => l.listingKey === '3yd-ACTRIS-5551234')!.id;
    const created = await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', {
      title: '1847 Bluebonnet',
      templateId: 'listing-flyer',
      listingId,
    });
    expect(created.status).toBe(201);
    const designId = created.body.id;
    const design = await designContent(designId);
    expect(textOf(design, 'price')).toBe('$1,250,000');
    expect(textOf(design, 'addr1')).toBe('1847 Bluebonnet Lane');
    expect(textOf(design, 'addr2')).toBe('Austin, TX 78704');
    expect(textOf(design, 'facts')).toBe('4 bd | 3 ba | 2,150 sq ft');
    expect(textOf(design, 'agentName')).toBe('Sam Carter');
    expect(textOf(design, 'phone')).toBe('(512) 555-0142');
    expect(textOf(design, 'license')).toBe('TX License #0654321');
    const hero = design.objects.hero!;
    // Served by us (GET /api/listings/:id/photos/:index), not loaded from the MLS's CDN.
    expect(hero).toMatchObject({
      type: 'image',
      src: `/api/listings/${listingId}/photos/0`,
      fit: 'cover',
      naturalWidth: 3000,
      naturalHeight: 2000,
    });

    expect((await api<{ changed: unknown[] }>(server.url, agent, 'GET', `/api/designs/${designId}/listing-update`)).body.changed).toEqual(
      [],
    );

    // The agent edits the description while connected; a re-import drops the price and goes Pending.
    const client = stockClient(server.wsUrl, designId, agent);
    try {
      await synced(client);
      client.doc.transact(() => objectsMap(client.doc).get('desc')!.set('text', 'My own words about this home.'));
      const reimport = await api<ImportBody>(server.url, agent, 'POST', '/api/listings/import', fixture('price-drop'));
      expect(reimport.body.imported).toBe(1);
      const pending = await api<{ changed: { binding: string; from: string; to: string; objectIds: string[] }[] }>(
        server.url,
        agent,
        'GET',
        `/api/designs/${designId}/listing-update`,
      );
      expect(pending.status).toBe(200);
      const price = pending.body.changed.find((c) => c.binding === 'listing.ListPrice');
      expect(price).toEqual({ binding: 'listing.ListPrice', from: '$1,250,000', to: '$1,150,000', objectIds: ['price'] });
      expect(pending.body.changed.find((c) => c.binding === 'listing.StandardStatus')).toMatchObject({ from: 'Active', to: 'Pending' });

      const applied = await api<{ applied: { objectId: string }[]; kept: { objectId: string }[] }>(
        server.url,
        agent,
        'POST',
        `/api/designs/${designId}/listing-update`,
        {},
      );
      expect(applied.status).toBe(200);
      expect(applied.body.applied.map((a) => a.objectId)).toContain('price');
      // The live client sees the new price; its own edit is untouched.
      await waitFor(() => textOf(readDesign(client.doc).design, 'price') === '$1,150,000', 5_000, 'price in the live doc');
      expect(textOf(readDesign(client.doc).design, 'desc')).toBe('My own words about this home.');
      expect((await api<{ changed: unknown[] }>(server.url, agent, 'GET', `/api/designs/${designId}/listing-update`)).body.changed).toEqual(
        [],
      );
    } finally {
      client.destroy();
    }
    expect((await api(server.url, rival, 'GET', `/api/designs/${designId}/listing-update`)).status).toBe(404);
    expect((await api(server.url, rival, 'POST', `/api/designs/${designId}/listing-update`, {})).status).toBe(404);
    void Y;
  });
});
