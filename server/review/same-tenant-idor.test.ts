import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../test-support/reso-fixtures/index.js';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { DEMO, shareDesign } from '../test-support/identity.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';

/**
 * Same brokerage, no access: a colleague who learns a comment id or a bulk job id (links,
 * notifications, logs) must not get at designs that are not shared with them.
 */
let db: TestDatabase;
let server: TestServer;
const t: Record<keyof typeof DEMO, string> = { admin: '', brand: '', agent: '', agent2: '', rival: '' };
let designId: string;
let commentId: string;
let jobId: string;

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({}, { db: await db.open() });
  for (const who of Object.keys(DEMO) as Array<keyof typeof DEMO>) t[who] = await login(server.url, DEMO[who]);
  designId = (
    await api<{ id: string }>(server.url, t.agent, 'POST', '/api/designs', { title: 'Private flyer', templateId: 'listing-flyer' })
  ).body.id;
  commentId = (
    await api<{ id: string }>(server.url, t.agent, 'POST', `/api/designs/${designId}/comments`, {
      body: 'Seller will take 410k, keep it quiet',
    })
  ).body.id;
  const imported = await api<{ listings: { id: string }[] }>(
    server.url,
    t.agent,
    'POST',
    '/api/listings/import',
    fixture('single-property'),
  );
  const started = await api<{ jobId: string }>(server.url, t.agent, 'POST', '/api/listings/bulk-designs', {
    templateId: 'just-listed-post',
    listingIds: imported.body.listings.map((l) => l.id),
  });
  jobId = started.body.jobId;
  await waitFor(
    async () => (await api<{ status: string }>(server.url, t.agent, 'GET', `/api/listings/jobs/${jobId}`)).body.status === 'done',
    30_000,
    'bulk job',
  );
}, 120_000);

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

describe('comments', () => {
  it('a colleague without access to the design cannot resolve a comment nor read its body', async () => {
    const res = await api<{ body?: string; error?: { code: string } }>(server.url, t.agent2, 'POST', `/api/comments/${commentId}/resolve`, {
      resolved: true,
    });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('410k');
    const list = await api<{ comments: Array<{ id: string; resolvedAt: string | null }> }>(
      server.url,
      t.agent,
      'GET',
      `/api/designs/${designId}/comments`,
    );
    expect(list.body.comments.find((c) => c.id === commentId)?.resolvedAt).toBeNull();
  });

  it('once the design is shared with them, they can', async () => {
    await shareDesign(server.url, t.agent, designId, DEMO.agent2, 'view');
    const res = await api<{ resolvedAt: string | null }>(server.url, t.agent2, 'POST', `/api/comments/${commentId}/resolve`, {
      resolved: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.resolvedAt).not.toBeNull();
  });
});

describe('bulk jobs', () => {
  it("a colleague cannot see another agent's job nor download its ZIP", async () => {
    expect((await api(server.url, t.agent2, 'GET', `/api/listings/jobs/${jobId}`)).status).toBe(404);
    const zip = await fetch(`${server.url}/api/listings/jobs/${jobId}/export.zip`, { headers: { authorization: `Bearer ${t.agent2}` } });
    expect(zip.status).toBe(404);
    expect(zip.headers.get('content-type')).toContain('application/json');
  });

  it('the agent who ran it, and an admin (who may view every design of the brokerage), can', async () => {
    for (const who of ['agent', 'admin'] as const) {
      const zip = await fetch(`${server.url}/api/listings/jobs/${jobId}/export.zip`, { headers: { authorization: `Bearer ${t[who]}` } });
      expect(zip.status).toBe(200);
      expect(zip.headers.get('content-type')).toBe('application/zip');
    }
  });
});
