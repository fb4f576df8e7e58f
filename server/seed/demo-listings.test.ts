import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffImage } from '../assets/index.js';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';

let db: TestDatabase;
let server: TestServer;
let dataDir: string;
let agent: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rb-demo-listings-'));
  db = await freshPglite();
  // No LISTING_PHOTO_PRIVATE_HOSTS and a host that does not exist: the photos must come from the repo.
  server = await startTestServer({ DATA_DIR: dataDir, SEED_DEMO_LISTINGS: 'true' }, { db: await db.open() });
  agent = await login(server.url, 'agent@demo.realbrand.test');
}, 180_000);

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('demo listings', () => {
  it('a fresh demo brokerage has imported listings whose photos are served without any download', async () => {
    const list = await api<{ total: number; listings: Array<{ id: string; listingKey: string; photo: string | null }> }>(
      server.url,
      agent,
      'GET',
      '/api/listings',
    );
    expect(list.body.total).toBe(4);
    for (const l of list.body.listings) {
      expect(l.photo, l.listingKey).toBe(`/api/listings/${l.id}/photos/0`);
      const res = await fetch(`${server.url}${l.photo}`, { headers: { authorization: `Bearer ${agent}` } });
      expect(res.status, l.listingKey).toBe(200);
      expect(sniffImage(Buffer.from(await res.arrayBuffer()))?.mime).toBe('image/png');
    }
    const rival = await login(server.url, 'agent@rival.realbrand.test');
    expect((await api<{ total: number }>(server.url, rival, 'GET', '/api/listings')).body.total).toBe(0);
  });

  it('a flyer made from one is filled: address, price and the photo', async () => {
    const list = await api<{ listings: Array<{ id: string; listingKey: string }> }>(server.url, agent, 'GET', '/api/listings');
    const maple = list.body.listings.find((l) => l.listingKey === 'DEMO-2001')!;
    const made = await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', {
      title: 'Maple Grove flyer',
      templateId: 'listing-flyer',
      listingId: maple.id,
    });
    expect(made.status).toBe(201);
    const pdf = await fetch(`${server.url}/api/designs/${made.body.id}/export.pdf`, { headers: { authorization: `Bearer ${agent}` } });
    expect(pdf.status).toBe(200);
    // The 1200×800 photo is embedded (jsPDF writes an image XObject of its pixel size).
    expect(Buffer.from(await pdf.arrayBuffer()).toString('latin1')).toMatch(/\/Width 1200\s*\/Height 800/);
  });
});
