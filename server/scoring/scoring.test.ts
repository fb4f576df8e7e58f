import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { io as connectIo, type Socket } from 'socket.io-client';
import { objectsMap, objectToYMap, type DesignObject } from '../../shared/index.js';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';
import { stockClient, synced } from '../test-support/clients.js';
import { ruleTitle } from '../../shared/compliance/rules/index.js';

interface ScorePayload {
  designId: string;
  brand: number;
  compliance: number;
  blocksApproval: boolean;
  findings: Array<{ ruleId: string; severity: string; objectIds: string[]; fix?: { kind: string; from?: string; to?: string } }>;
}

let db: TestDatabase;
let server: TestServer;
let agent: string;
let rival: string;
let designId: string;

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({}, { db: await db.open() });
  [agent, rival] = await Promise.all([login(server.url, 'agent@demo.realbrand.test'), login(server.url, 'agent@rival.realbrand.test')]);
  designId = (await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', { title: 'Scored', templateId: 'listing-flyer' })).body
    .id;
});

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

function realtime(token: string): Socket {
  return connectIo(server.url, { path: '/socket.io/', auth: { token }, transports: ['websocket'], reconnection: false });
}

describe('live scoring', () => {
  it('pushes a lower compliance score and a finding on the offending text, and recovers after the fix', async () => {
    const socket = realtime(agent);
    const scores: ScorePayload[] = [];
    socket.on('score', (s: ScorePayload) => scores.push(s));
    const joined = await new Promise<{ ok: boolean }>((resolve) => socket.emit('design:join', { designId }, resolve));
    expect(joined.ok).toBe(true);
    const initial = await waitFor(() => scores.at(-1), 5_000, 'initial score');
    expect(initial.compliance).toBeGreaterThan(0);

    const client = stockClient(server.wsUrl, designId, agent);
    try {
      await synced(client);
      const text: DesignObject = {
        id: 'bad-copy',
        type: 'text',
        x: 60,
        y: 600,
        width: 500,
        height: 60,
        angle: 0,
        z: 'zz',
        text: 'Perfect for a couple with no kids',
        fontFamily: 'Open Sans',
        fontSize: 20,
        fontWeight: 400,
        fill: '#1f3a5f',
        textAlign: 'left',
      };
      objectsMap(client.doc).set(text.id, objectToYMap(text));
      const flagged = await waitFor(
        () => scores.find((s) => s.findings.some((f) => f.ruleId === 'fair-housing-wording' && f.objectIds.includes('bad-copy'))),
        2_000,
        'score with the finding',
      );
      expect(flagged.compliance).toBeLessThan(initial.compliance);
      expect(flagged.blocksApproval).toBe(true);

      // Apply every suggested replacement, as the one-click fix does.
      const map = objectsMap(client.doc).get('bad-copy')!;
      let copy = map.get('text') as string;
      for (const f of flagged.findings.filter((f) => f.objectIds.includes('bad-copy') && f.fix?.kind === 'replace-text')) {
        copy = copy.replace(f.fix!.from!, f.fix!.to!);
      }
      map.set('text', copy);
      const recovered = await waitFor(
        () => {
          const last = scores.at(-1)!;
          return last.findings.some((f) => f.objectIds.includes('bad-copy') && f.ruleId === 'fair-housing-wording') ? null : last;
        },
        2_000,
        'recovered score',
      );
      expect(recovered.compliance).toBeGreaterThan(flagged.compliance);

      const rest = await api<ScorePayload>(server.url, agent, 'GET', `/api/designs/${designId}/score`);
      expect(rest.status).toBe(200);
      expect(rest.body.compliance).toBe(recovered.compliance);
      const history = await api<{ history: unknown[] }>(server.url, agent, 'GET', `/api/designs/${designId}/score/history`);
      expect(history.body.history.length).toBeGreaterThanOrEqual(2);
    } finally {
      client.destroy();
      socket.disconnect();
    }
  });

  it('refuses another brokerage at the socket and over REST', async () => {
    const socket = realtime(rival);
    try {
      const joined = await new Promise<{ ok: boolean }>((resolve) => socket.emit('design:join', { designId }, resolve));
      expect(joined.ok).toBe(false);
    } finally {
      socket.disconnect();
    }
    expect((await api(server.url, rival, 'GET', `/api/designs/${designId}/score`)).status).toBe(404);
  });

  it('refuses an unauthenticated socket', async () => {
    const socket = connectIo(server.url, { path: '/socket.io/', transports: ['websocket'], reconnection: false });
    const error = await new Promise<Error>((resolve) => socket.on('connect_error', resolve));
    expect(error.message).toBe('unauthenticated');
    socket.disconnect();
  });
});

describe('brokerage scan', () => {
  it('scans every design with progress pushed live and a CSV report', async () => {
    const brand = await login(server.url, 'brand@demo.realbrand.test');
    const socket = realtime(brand);
    const progress: Array<{ jobId: string; done: number; total: number; status: string }> = [];
    socket.on('scan:progress', (p) => progress.push(p));
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    try {
      const started = await api<{ id: string }>(server.url, brand, 'POST', '/api/compliance/scans');
      expect(started.status).toBe(202);
      const job = await waitFor(
        async () => {
          const r = await api<{
            status: string;
            total: number;
            report: Array<{ designId: string; compliance: number; topIssues: string; topIssueTitles?: string[] }>;
          }>(server.url, brand, 'GET', `/api/compliance/scans/${started.body.id}`);
          return r.body.status === 'done' ? r.body : null;
        },
        10_000,
        'scan done',
      );
      expect(job.total).toBeGreaterThanOrEqual(2);
      expect(job.report.map((r) => r.designId)).toContain(designId);
      // Each row names its top issues by the rules' titles (the page shows them without loading the rules).
      for (const row of job.report) {
        const ids = row.topIssues ? row.topIssues.split('; ') : [];
        expect(row.topIssueTitles).toEqual(ids.map(ruleTitle));
      }
      expect(job.report.some((row) => row.topIssueTitles!.length > 0)).toBe(true);
      await waitFor(() => progress.some((p) => p.jobId === started.body.id && p.status === 'done'), 5_000, 'progress event');
      const csv = await fetch(`${server.url}/api/compliance/scans/${started.body.id}/report.csv`, {
        headers: { authorization: `Bearer ${brand}` },
      });
      expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
      const lines = (await csv.text()).trim().split('\r\n');
      expect(lines[0]).toMatch(/^Design,Owner,Kind/);
      expect(lines.length).toBe(job.total + 1);
      // Coming back later (any browser): the brokerage's latest scan is found again.
      const latest = await api<{ scan: { id: string; status: string } | null }>(server.url, brand, 'GET', '/api/compliance/scans/latest');
      expect(latest.status).toBe(200);
      expect(latest.body.scan).toMatchObject({ id: started.body.id, status: 'done' });
      expect((await api(server.url, agent, 'GET', '/api/compliance/scans/latest')).status).toBe(403);
    } finally {
      socket.disconnect();
    }
  });

  it('is for brand managers and admins only, and scoped to the brokerage', async () => {
    expect((await api(server.url, agent, 'POST', '/api/compliance/scans')).status).toBe(403);
    const brand = await login(server.url, 'brand@demo.realbrand.test');
    const started = await api<{ id: string }>(server.url, brand, 'POST', '/api/compliance/scans');
    const rivalAdmin = rival; // an agent of another brokerage
    expect((await api(server.url, rivalAdmin, 'GET', `/api/compliance/scans/${started.body.id}`)).status).toBe(403);
  });
});

describe('POST /api/compliance/check', () => {
  it('checks text', async () => {
    const res = await api<ScorePayload>(server.url, agent, 'POST', '/api/compliance/check', { text: 'Adults only, no children' });
    expect(res.status).toBe(200);
    expect(res.body.findings.some((f) => f.severity === 'error')).toBe(true);
    const ok = await api<ScorePayload>(server.url, agent, 'POST', '/api/compliance/check', {
      text: 'Sunny family room with a walk-in closet',
    });
    expect(ok.body.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('scores a whole design', async () => {
    const template = await api<{ design: unknown }>(server.url, agent, 'GET', '/api/templates/listing-flyer');
    const res = await api<ScorePayload>(server.url, agent, 'POST', '/api/compliance/check', { design: template.body.design });
    expect(res.status).toBe(200);
    expect(typeof res.body.brand).toBe('number');
  });

  it.each([[{}], [{ text: 5 }], [{ design: { meta: {} } }], [{ text: 'a', extra: 1 }], [[]], ['text']])(
    'rejects %j with a 400',
    async (body) => {
      const res = await api<{ error: { code: string } }>(server.url, agent, 'POST', '/api/compliance/check', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBeTruthy();
    },
  );
});

// Y is imported for its side effect of sharing one Yjs instance with the client helpers.
void Y;
