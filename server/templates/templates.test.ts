import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlOf } from '../../shared/api/contract.js';
import { templatesApi } from '../../shared/api/templates.js';
import { objectsMap } from '../../shared/index.js';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';
import { stockClient, synced } from '../test-support/clients.js';

let db: TestDatabase;
let server: TestServer;
let brand: string;
let agent: string;
let rival: string;

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({}, { db: await db.open() });
  [brand, agent, rival] = await Promise.all([
    login(server.url, 'brand@demo.realbrand.test'),
    login(server.url, 'agent@demo.realbrand.test'),
    login(server.url, 'agent@rival.realbrand.test'),
  ]);
});

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

interface Summary {
  id: string;
  title: string;
  version: number;
  source: string;
  status?: string;
}

describe('templates authored in the editor', () => {
  it('publish → agents create from it (remembering the version) → republish → retire', async () => {
    // A brand manager designs the template as an ordinary design.
    const source = (
      await api<{ id: string }>(server.url, brand, 'POST', '/api/designs', { title: 'Coastal flyer', templateId: 'listing-flyer' })
    ).body.id;
    const client = stockClient(server.wsUrl, source, brand);
    await synced(client);
    const headline = [...objectsMap(client.doc).entries()].find(([, m]) => m.get('role') === 'headline')![0];
    objectsMap(client.doc).get(headline)!.set('text', 'COASTAL LIVING');

    // Agents may not publish.
    expect((await api(server.url, agent, 'POST', '/api/templates', { designId: source })).status).toBe(403);
    const v1 = await waitFor(
      async () => {
        const r = await api<{ id: string; version: number }>(server.url, brand, 'POST', '/api/templates', {
          designId: source,
          title: 'Coastal flyer',
        });
        return r.status === 201 ? r.body : null;
      },
      5_000,
      'publish',
    );
    expect(v1.version).toBe(1);

    const list = await api<Summary[]>(server.url, agent, 'GET', '/api/templates');
    expect(list.body[0]).toMatchObject({ id: v1.id, title: 'Coastal flyer', version: 1, source: 'brokerage' });
    expect(list.body.some((t) => t.id === 'listing-flyer' && t.source === 'library')).toBe(true);
    const thumb = await fetch(server.url + urlOf(templatesApi.thumbnail, { params: { id: v1.id }, query: { v: '1' } }), {
      headers: { authorization: `Bearer ${agent}` },
    });
    expect(thumb.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    // The route's own, stricter policy is kept (the app-wide header hook does not replace it).
    expect(thumb.headers.get('content-security-policy')).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    expect(await thumb.text()).toContain('COASTAL LIVING');

    // An agent's design from it carries its content and remembers the version.
    const made = (await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', { title: 'My coastal flyer', templateId: v1.id }))
      .body.id;
    const info = await api<{ templateId: string; templateVersion: number }>(server.url, agent, 'GET', `/api/designs/${made}`);
    expect(info.body).toMatchObject({ templateId: v1.id, templateVersion: 1 });
    const preview = await api<{ design: { objects: Record<string, { text?: string }> } }>(
      server.url,
      agent,
      'GET',
      `/api/templates/${v1.id}`,
    );
    expect(preview.body.design.objects[headline]!.text).toBe('COASTAL LIVING');

    // Publishing the same design again is version 2; the agent's design keeps version 1.
    objectsMap(client.doc).get(headline)!.set('text', 'COASTAL LIVING 2');
    const v2 = await waitFor(
      async () => {
        const r = await api<{ id: string; version: number }>(server.url, brand, 'POST', '/api/templates', { designId: source });
        return r.status === 201 ? r.body : null;
      },
      5_000,
      'republish',
    );
    expect(v2).toEqual({ id: v1.id, version: 2 });
    expect((await api<{ templateVersion: number }>(server.url, agent, 'GET', `/api/designs/${made}`)).body.templateVersion).toBe(1);
    client.destroy();

    // Retired: no longer offered to agents, still listed for brand managers, designs from it keep working.
    expect((await api(server.url, agent, 'POST', `/api/templates/${v1.id}/retire`)).status).toBe(403);
    expect((await api(server.url, brand, 'POST', `/api/templates/${v1.id}/retire`)).status).toBe(200);
    expect((await api<Summary[]>(server.url, agent, 'GET', '/api/templates')).body.some((t) => t.id === v1.id)).toBe(false);
    expect((await api<Summary[]>(server.url, brand, 'GET', '/api/templates?retired=1')).body.find((t) => t.id === v1.id)?.status).toBe(
      'retired',
    );
    expect((await api(server.url, agent, 'POST', '/api/designs', { title: 'Too late', templateId: v1.id })).status).toBe(400);
    expect((await api(server.url, agent, 'GET', `/api/designs/${made}`)).status).toBe(200);

    // Another brokerage never sees it.
    expect((await api<Summary[]>(server.url, rival, 'GET', '/api/templates')).body.some((t) => t.id === v1.id)).toBe(false);
    expect((await api(server.url, rival, 'GET', `/api/templates/${v1.id}`)).status).toBe(404);
  });
});
