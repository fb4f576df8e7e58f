import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { DEMO } from '../test-support/identity.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';

let pg: TestDatabase;
let s: TestServer;
beforeAll(async () => {
  pg = await freshPostgres();
  s = await startTestServer({}, { db: await pg.open() });
});
afterAll(async () => {
  await s?.close();
  await s?.db.close();
  await pg?.drop();
});

describe('audit log page API', () => {
  it('filters by design, pages with `before`, and exports the same entries as CSV', async () => {
    const agent = await login(s.url, DEMO.agent);
    const admin = await login(s.url, DEMO.admin);
    const { body } = await api<{ id: string }>(s.url, agent, 'POST', '/api/designs', { title: 'Audited', templateId: 'listing-flyer' });
    for (const who of [DEMO.agent2, DEMO.brand])
      expect((await api(s.url, agent, 'POST', `/api/designs/${body.id}/shares`, { email: who, access: 'view' })).status).toBe(201);
    // Shares are audited without the request waiting for it: wait for the second entry before changing it.
    for (let i = 0; i < 100; i++) {
      const { rows } = await s.db.query("SELECT 1 FROM audit_log WHERE action = 'design.shared' AND details->>'with' = $1", [DEMO.brand]);
      if (rows.length) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await s.db.query("UPDATE audit_log SET actor_email = '=HYPERLINK(\"x\")' WHERE action = 'design.shared' AND details->>'with' = $1", [
      DEMO.brand,
    ]);
    const first = await api<{ entries: Array<{ id: number; action: string; targetId: string }>; next: number | null }>(
      s.url,
      admin,
      'GET',
      `/api/admin/audit?design=${body.id}&limit=1`,
    );
    expect(first.body.entries).toHaveLength(1);
    expect(first.body.entries[0]!.targetId).toBe(body.id);
    const second = await api<{ entries: Array<{ id: number }> }>(
      s.url,
      admin,
      'GET',
      `/api/admin/audit?design=${body.id}&limit=1&before=${first.body.next}`,
    );
    expect(second.body.entries[0]!.id).toBeLessThan(first.body.entries[0]!.id);
    const csv = await fetch(`${s.url}/api/admin/audit?design=${body.id}&format=csv`, { headers: { authorization: `Bearer ${admin}` } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="audit-log-/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('at,who,action,target type,target,details,ip');
    expect(lines.slice(1).every((l) => l.includes(body.id))).toBe(true);
    expect(lines).toHaveLength(3);
    // A cell that would be a spreadsheet formula is defused.
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""x"")"`))).toBe(true);
    expect((await api(s.url, agent, 'GET', `/api/admin/audit?format=csv`)).status).toBe(403);
  });
});
