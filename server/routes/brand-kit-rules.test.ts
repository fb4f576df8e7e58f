import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrandKit } from '../../shared/index.js';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { DEMO } from '../test-support/identity.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';

let db: TestDatabase;
let server: TestServer;
let brand: string;
let agent: string;
let admin: string;
let rival: string;

beforeAll(async () => {
  db = await freshPostgres();
  server = await startTestServer({}, { db: await db.open() });
  [brand, agent, admin, rival] = await Promise.all([
    login(server.url, DEMO.brand),
    login(server.url, DEMO.agent),
    login(server.url, DEMO.admin),
    login(server.url, DEMO.rival),
  ]);
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

type Check = { findings: Array<{ ruleId: string; severity: string; reason?: { protectedClass: string }; span?: { text: string } }> };

describe('per-brokerage rules in the brand kit', () => {
  it('a brand manager adds banned phrases and extra protected classes; the API checks text with them; the change is audited; other brokerages are untouched', async () => {
    const kit = (await api<BrandKit>(server.url, brand, 'GET', '/api/brand-kit')).body;
    const text = { text: 'No Section 8. Walk Score 97!' };
    const before = await api<Check>(server.url, agent, 'POST', '/api/compliance/check', text);
    expect(before.body.findings).toEqual([]); // the demo kit is federal + TX: source of income is not protected

    const next = {
      ...kit,
      bannedPhrases: [{ id: 'ws', phrase: 'walk score', replacement: 'walkable', reason: 'licensed metric', severity: 'error' }],
      extraProtectedClasses: ['source-of-income'],
    };
    expect((await api(server.url, agent, 'PUT', '/api/brand-kit', next)).status).toBe(403);
    const saved = await api<BrandKit>(server.url, brand, 'PUT', '/api/brand-kit', next);
    expect(saved.status).toBe(200);

    const after = await api<Check>(server.url, agent, 'POST', '/api/compliance/check', text);
    expect(after.body.findings.map((f) => [f.ruleId, f.severity, f.reason?.protectedClass ?? f.span?.text])).toEqual([
      ['fair-housing-wording', 'error', 'source-of-income'],
      ['brokerage-banned-phrases', 'error', 'Walk Score'],
    ]);

    const audit = await api<{ entries: Array<{ action: string; details: { changed: string[]; bannedPhrases?: { after: unknown[] } } }> }>(
      server.url,
      admin,
      'GET',
      '/api/admin/audit?action=brand_kit.changed',
    );
    expect(audit.body.entries).toHaveLength(1);
    expect(audit.body.entries[0]!.details.changed).toEqual(['bannedPhrases', 'extraProtectedClasses']);
    expect(audit.body.entries[0]!.details.bannedPhrases?.after).toHaveLength(1);

    const rivalCheck = await api<Check>(server.url, rival, 'POST', '/api/compliance/check', text);
    expect(rivalCheck.body.findings.filter((f) => f.ruleId === 'brokerage-banned-phrases')).toEqual([]);
  });

  it('refuses a bad rule with a 400 and the usual error shape', async () => {
    const kit = (await api<BrandKit>(server.url, brand, 'GET', '/api/brand-kit')).body;
    const res = await api<{ error: { code: string } }>(server.url, brand, 'PUT', '/api/brand-kit', {
      ...kit,
      extraProtectedClasses: ['zodiac-sign'],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBeTruthy();
  });
});
