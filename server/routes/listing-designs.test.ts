import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';
import { DEMO, shareDesign } from '../test-support/identity.js';
import { fixture } from '../test-support/reso-fixtures/index.js';

/** GET /api/listings: each listing brings the designs made from it that the caller sees (the designs list's rule). */
let db: TestDatabase;
let server: TestServer;
let agent: string;
let agent2: string;
let brand: string;
let rival: string;

interface ListingsBody {
  listings: { id: string; listingKey: string; designs: { designs: { id: string; title: string; updatedAt: string }[]; total: number } }[];
}

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({}, { db: await db.open() });
  [agent, agent2, brand, rival] = await Promise.all([DEMO.agent, DEMO.agent2, DEMO.brand, DEMO.rival].map((e) => login(server.url, e)));
}, 180_000);

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

const KEY = '3yd-ACTRIS-5551234';

async function designsOf(token: string) {
  const res = await api<ListingsBody>(server.url, token, 'GET', '/api/listings');
  expect(res.status).toBe(200);
  return res.body.listings.find((l) => l.listingKey === KEY)?.designs;
}

async function createFrom(token: string, listingId: string, title: string): Promise<string> {
  const res = await api<{ id: string }>(server.url, token, 'POST', '/api/designs', { title, templateId: 'listing-flyer', listingId });
  expect(res.status).toBe(201);
  return res.body.id;
}

describe('GET /api/listings designs per listing', () => {
  it('shows each person only the designs they may see, at most four newest, with the right count', async () => {
    expect((await api(server.url, agent, 'POST', '/api/listings/import', fixture('single-property'))).status).toBe(200);
    expect((await api(server.url, rival, 'POST', '/api/listings/import', fixture('single-property'))).status).toBe(200);
    const listingId = (await api<ListingsBody>(server.url, agent, 'GET', '/api/listings')).body.listings.find(
      (l) => l.listingKey === KEY,
    )!.id;
    expect(await designsOf(agent)).toEqual({ designs: [], total: 0 });

    const mine: string[] = [];
    for (const n of [1, 2, 3, 4, 5]) mine.push(await createFrom(agent, listingId, `Agent flyer ${n}`));
    const theirs = await createFrom(agent2, listingId, 'Agent2 private');
    const shared = await createFrom(agent2, listingId, 'Agent2 shared');
    await shareDesign(server.url, agent2, shared, DEMO.agent, 'view');
    // A design not made from the listing is not one of its designs.
    expect((await api(server.url, agent, 'POST', '/api/designs', { title: 'Unbound', templateId: 'listing-flyer' })).status).toBe(201);

    // The designs list answers what each person sees; the listing shows the same set.
    const visibleIds = async (token: string, scope?: string) =>
      (
        await api<{ designs: { id: string }[] }>(server.url, token, 'GET', `/api/designs${scope ? `?scope=${scope}` : ''}`)
      ).body.designs.map((d) => d.id);

    const forAgent = (await designsOf(agent))!;
    const agentSees = [...mine, shared];
    expect(forAgent.total).toBe(agentSees.length);
    expect(forAgent.designs).toHaveLength(4);
    for (const d of forAgent.designs) expect(agentSees).toContain(d.id);
    expect(forAgent.designs.map((d) => d.id)).not.toContain(theirs);
    const agentList = await visibleIds(agent);
    for (const id of agentSees) expect(agentList).toContain(id);
    expect(agentList).not.toContain(theirs);
    // Newest first, each with its title and the thumbnail's cache key.
    const stamps = forAgent.designs.map((d) => d.updatedAt);
    expect([...stamps].sort().reverse()).toEqual(stamps);
    expect(forAgent.designs[0]).toMatchObject({ title: expect.stringMatching(/^Agent/), updatedAt: expect.any(String) });

    const forAgent2 = (await designsOf(agent2))!;
    expect(forAgent2.total).toBe(2);
    expect(forAgent2.designs.map((d) => d.id).sort()).toEqual([theirs, shared].sort());

    // A brand manager reviews every design of the brokerage.
    const forBrand = (await designsOf(brand))!;
    expect(forBrand.total).toBe(7);
    const brandSees = await visibleIds(brand, 'brokerage');
    for (const d of forBrand.designs) expect(brandSees).toContain(d.id);

    // Another brokerage's own copy of the listing has none of them.
    expect(await designsOf(rival)).toEqual({ designs: [], total: 0 });
  });
});
