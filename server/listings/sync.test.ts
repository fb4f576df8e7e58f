import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';
import { FAKE_RESO_CREDENTIALS, startFakeReso, type FakeResoServer } from '../test-support/fake-reso.js';
import { ResoClient, retryAfterMs } from './reso-client.js';
import type { FastifyBaseLogger } from 'fastify';
import { secretBoxFromConfig } from '../secrets/index.js';
import { ListingSyncService } from './sync.js';

let db: TestDatabase;
let server: TestServer;
let reso: FakeResoServer;
let admin: string;
let agent: string;
let rivalAdmin: string;

const property = (key: string, price: number, modified: string, extra: Record<string, unknown> = {}) => ({
  ListingKey: key,
  StandardStatus: 'Active',
  ListPrice: price,
  UnparsedAddress: `${key.slice(-3)} Elm St, Austin, TX 78704`,
  ModificationTimestamp: modified,
  Media: [{ MediaURL: `https://photos.example-mls.test/${key}/1.jpg`, Order: 1, Permission: ['Public'] }],
  ...extra,
});

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({}, { db: await db.open() });
  reso = await startFakeReso({ pageSize: 2, throttleOnce: true });
  reso.records.push(
    property('SYNC-001', 500000, '2025-06-01T10:00:00Z'),
    property('SYNC-002', 600000, '2025-06-01T11:00:00Z'),
    { ListingKey: 'SYNC-BAD', ListPrice: 'lots', ModificationTimestamp: '2025-06-01T12:00:00Z' },
    property('SYNC-004', 700000, '2025-06-01T13:00:00Z', { StandardStatus: 'ComingSoon' }),
    property('SYNC-005', 800000, '2025-06-01T14:00:00Z'),
  );
  [admin, agent, rivalAdmin] = await Promise.all([
    login(server.url, 'admin@demo.realbrand.test'),
    login(server.url, 'agent@demo.realbrand.test'),
    login(server.url, 'agent@rival.realbrand.test'),
  ]);
}, 180_000);

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await reso?.close();
  await db?.drop();
});

interface Status {
  configured: boolean;
  hasSecret: boolean;
  clientSecret?: string;
  lastStatus: string;
  lastImported: number;
  lastErrors: { index: number; field: string }[];
  lastError: string | null;
  cursor: string | null;
  running: boolean;
}

describe('RESO Web API pull (fake server on 127.0.0.1)', () => {
  it('is admin-only and validates its config', async () => {
    expect((await api(server.url, agent, 'GET', '/api/admin/listing-sync')).status).toBe(403);
    expect((await api(server.url, agent, 'POST', '/api/admin/listing-sync/run')).status).toBe(403);
    expect((await api(server.url, admin, 'POST', '/api/admin/listing-sync/run')).status).toBe(409);
    const first = await api(server.url, admin, 'PUT', '/api/admin/listing-sync', {
      endpoint: `${reso.url}/odata`,
      tokenUrl: `${reso.url}/oauth/token`,
      clientId: 'x',
    });
    expect(first.status).toBe(400);
    const bad = await api(server.url, admin, 'PUT', '/api/admin/listing-sync', {
      endpoint: 'file:///etc/passwd',
      tokenUrl: `${reso.url}/oauth/token`,
      clientId: 'x',
      clientSecret: 'y',
    });
    expect(bad.status).toBe(400);
  });

  it('pulls every page with a token, survives a 429 with Retry-After, reports the malformed record, then syncs incrementally', async () => {
    const put = await api<Status>(server.url, admin, 'PUT', '/api/admin/listing-sync', {
      endpoint: `${reso.url}/odata`,
      tokenUrl: `${reso.url}/oauth/token`,
      ...FAKE_RESO_CREDENTIALS,
      intervalMinutes: 60,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ configured: true, hasSecret: true, lastStatus: 'never' });
    expect(put.body.clientSecret).toBeUndefined();

    const run = await api<Status>(server.url, admin, 'POST', '/api/admin/listing-sync/run');
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      lastStatus: 'partial',
      lastImported: 4,
      lastError: null,
      running: false,
      cursor: '2025-06-01T14:00:00.000Z',
    });
    expect(run.body.lastErrors.map((e) => [e.index, e.field]).sort()).toEqual([
      [2, 'ListPrice'],
      [2, 'UnparsedAddress'],
    ]);

    const pages = reso.requests.filter((r) => r.path.startsWith('/odata/Property'));
    expect(pages[0]!.path).toContain('$expand=Media');
    expect(decodeURIComponent(pages[0]!.path)).toContain('$orderby=ModificationTimestamp asc');
    expect(pages.every((p) => p.auth === 'Bearer token-1')).toBe(true);
    // One 429 answered, then retried: page 2 was asked for twice.
    expect(pages.filter((p) => decodeURIComponent(p.path).includes('$skip=2'))).toHaveLength(2);
    expect(reso.tokensIssued).toBe(1);

    const listings = await api<{ total: number }>(server.url, agent, 'GET', '/api/listings');
    expect(listings.body.total).toBe(4);
    expect((await api<{ total: number }>(server.url, rivalAdmin, 'GET', '/api/listings')).body.total).toBe(0);

    // A price change upstream: the next pull asks only for what changed since the cursor.
    reso.records[0] = property('SYNC-001', 450000, '2025-06-02T09:00:00Z');
    reso.requests.length = 0;
    const again = await api<Status>(server.url, admin, 'POST', '/api/admin/listing-sync/run');
    expect(again.body).toMatchObject({ lastStatus: 'ok', lastImported: 2, cursor: '2025-06-02T09:00:00.000Z' });
    const first = decodeURIComponent(reso.requests.find((r) => r.path.startsWith('/odata/Property'))!.path);
    expect(first).toContain('$filter=ModificationTimestamp ge 2025-06-01T14:00:00.000Z');
    const list = await api<{ listings: { listingKey: string; listPrice: number; version: number }[] }>(
      server.url,
      agent,
      'GET',
      '/api/listings?q=SYNC-001',
    );
    expect(list.body.listings[0]).toMatchObject({ listPrice: 450000, version: 2 });

    const status = await api<Status>(server.url, admin, 'GET', '/api/admin/listing-sync');
    expect(status.body).toMatchObject({ lastStatus: 'ok', configured: true });
  });

  it('keeps the client secret sealed at rest; a plain one from before still works and is sealed at start-up', async () => {
    const stored = async () =>
      (await server.db.query<{ client_secret: string }>('SELECT client_secret FROM listing_sync_configs')).rows[0]!.client_secret;
    expect(await stored()).toMatch(/^rbs1\./);
    expect(await stored()).not.toContain(FAKE_RESO_CREDENTIALS.clientSecret);
    // A row written before secrets were encrypted.
    await server.db.query('UPDATE listing_sync_configs SET client_secret = $1', [FAKE_RESO_CREDENTIALS.clientSecret]);
    const legacy = await api<Status>(server.url, admin, 'POST', '/api/admin/listing-sync/run');
    expect(legacy.body).toMatchObject({ lastError: null });
    expect(legacy.body.lastStatus).not.toBe('failed');
    // What every instance does as it starts (same DATA_DIR, so the same development key as the server's).
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as FastifyBaseLogger;
    const secrets = secretBoxFromConfig({ NODE_ENV: 'development', DATA_DIR: '.tmp/test-data' }, quiet);
    expect(await new ListingSyncService({ db: server.db, log: quiet, secrets }).sealStoredSecrets()).toBe(1);
    expect(await stored()).toMatch(/^rbs1\./);
    const sealed = await api<Status>(server.url, admin, 'POST', '/api/admin/listing-sync/run');
    expect(sealed.body).toMatchObject({ lastError: null });
    expect(sealed.body.lastStatus).not.toBe('failed');
    // Tampered at rest: the run fails with a reason an admin can act on (never the secret, never a crash).
    const [prefix, id, iv, body, tag] = (await stored()).split('.');
    const flipped = `${body![0] === 'A' ? 'B' : 'A'}${body!.slice(1)}`; // the first character carries six bits of ciphertext
    await server.db.query('UPDATE listing_sync_configs SET client_secret = $1', [[prefix, id, iv, flipped, tag].join('.')]);
    const broken = await api<Status>(server.url, admin, 'POST', '/api/admin/listing-sync/run');
    expect(broken.body).toMatchObject({ lastStatus: 'failed', lastError: expect.stringMatching(/enter the secret again/) });
  });

  it('records a failure (bad credentials) as a visible status, not a crash', async () => {
    await api(server.url, admin, 'PUT', '/api/admin/listing-sync', {
      endpoint: `${reso.url}/odata`,
      tokenUrl: `${reso.url}/oauth/token`,
      clientId: FAKE_RESO_CREDENTIALS.clientId,
      clientSecret: 'wrong',
    });
    const run = await api<Status>(server.url, admin, 'POST', '/api/admin/listing-sync/run');
    expect(run.status).toBe(200);
    expect(run.body.lastStatus).toBe('failed');
    expect(run.body.lastError).toMatch(/token request failed: HTTP 401/);
  });
});

describe('ResoClient', () => {
  it('parses Retry-After as seconds or a date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });

  it('retries 5xx with backoff and refuses a nextLink to another host', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const fakeFetch: typeof fetch = async (input) => {
      const url = String(input);
      if (url.endsWith('/token')) return new Response(JSON.stringify({ access_token: 't', expires_in: 3600 }), { status: 200 });
      calls++;
      if (calls < 3) return new Response('oops', { status: 503 });
      return new Response(JSON.stringify({ value: [{ ListingKey: 'a' }], '@odata.nextLink': 'https://evil.test/odata/Property?$skip=1' }), {
        status: 200,
      });
    };
    const client = new ResoClient({
      endpoint: 'https://mls.test/odata',
      tokenUrl: 'https://mls.test/token',
      clientId: 'c',
      clientSecret: 's',
      fetch: fakeFetch,
      sleep: async (ms) => void sleeps.push(ms),
    });
    const pages = client.pull(null);
    const first = await pages.next();
    expect(first.value).toMatchObject({ records: [{ ListingKey: 'a' }] });
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]! * 0.9);
    await expect(pages.next()).rejects.toThrow(/another host/);
  });
});
