import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/index.js';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';
import { verifyWebhookSignature, type WebhookDelivery } from '../webhooks/index.js';
import { emit } from './index.js';
import type { MetricsReport } from './metrics-report.js';

let pg: TestDatabase;
let db: Db;
let server: TestServer;
let admin: string;
let manager: string;
let agent: string;
let ids: { demo: string; rival: string; agent: string };

beforeAll(async () => {
  pg = await freshPostgres();
  db = await pg.open();
  server = await startTestServer(
    {},
    {
      db,
      events: {
        redisUrl: null,
        tuning: { pollMs: 20, retry: { baseMs: 40, maxMs: 200, maxDeliveries: 3 } },
        webhooks: { pollMs: 20, retry: { baseMs: 40, maxMs: 200, maxDeliveries: 5 }, timeoutMs: 2_000, privateHosts: ['127.0.0.1'] },
      },
    },
  );
  [admin, manager, agent] = await Promise.all(['admin', 'brand', 'agent'].map((who) => login(server.url, `${who}@demo.realbrand.test`)));
  const { rows } = await db.query<{ id: string; brokerage_id: string; email: string }>('SELECT id, brokerage_id, email FROM users');
  const by = (email: string) => rows.find((r) => r.email === email)!;
  ids = {
    demo: by('agent@demo.realbrand.test').brokerage_id,
    rival: by('agent@rival.realbrand.test').brokerage_id,
    agent: by('agent@demo.realbrand.test').id,
  };
});

afterAll(async () => {
  await server?.close();
  await pg?.drop();
});

describe('GET /api/admin/metrics', () => {
  it('counts what happened in the caller’s brokerage only, for admins and brand managers; 403 for agents', async () => {
    expect((await api(server.url, agent, 'GET', '/api/admin/metrics')).status).toBe(403);
    expect((await api(server.url, agent, 'GET', '/api/admin/metrics.csv?table=summary')).status).toBe(403);

    for (const kind of ['open-house', 'email-signature', 'business-card', 'social-post', 'story']) {
      expect((await api(server.url, agent, 'POST', '/api/designs', { title: `A ${kind}`, kind })).status).toBe(201);
    }
    expect((await api(server.url, agent, 'POST', '/api/designs', { title: 'Flyer', templateId: 'listing-flyer' })).status).toBe(201);
    const payload = { designId: 'd-1', kind: 'flyer', ownerId: ids.agent };
    await db.transaction(async (tx) => {
      await emit(tx, 'review.approved', {
        brokerageId: ids.demo,
        payload: { ...payload, reviewerId: 'm', turnaroundMs: 7_200_000, scores: { brand: 80, compliance: 100 } },
      });
      await emit(tx, 'design.exported', {
        brokerageId: ids.demo,
        payload: { ...payload, format: 'pdf', scores: { brand: 90, compliance: 60 } },
      });
      await emit(tx, 'compliance.violation.detected', {
        brokerageId: ids.demo,
        payload: { ...payload, ruleId: 'fair-housing', category: 'compliance', severity: 'error' },
      });
      // Another brokerage's activity must never show.
      await emit(tx, 'design.created', {
        brokerageId: ids.rival,
        payload: { designId: 'r-1', kind: 'flyer', ownerId: 'r', templateId: null, title: 'x' },
      });
      await emit(tx, 'review.approved', {
        brokerageId: ids.rival,
        payload: { designId: 'r-1', kind: 'flyer', ownerId: 'r', reviewerId: 'm', turnaroundMs: 1 },
      });
    });

    const report = await waitFor(
      async () => {
        const res = await api<MetricsReport>(server.url, admin, 'GET', '/api/admin/metrics');
        return res.status === 200 && res.body.approvals === 1 && res.body.socialPosts === 2 && res.body.complianceViolations === 1
          ? res.body
          : null;
      },
      10_000,
      'metrics to reflect the events',
    );
    expect(report).toMatchObject({
      listingsGenerated: 1,
      openHouseMaterials: 1,
      emailSignatures: 1,
      businessCards: 1,
      socialPosts: 2,
      exports: 1,
      approvals: 1,
      complianceViolations: 1,
      averageBrandScore: 85,
      averageComplianceScore: 80,
      averageApprovalTurnaroundMs: 7_200_000,
      violationsByRule: [{ ruleId: 'fair-housing', count: 1 }],
    });
    expect(report.perAgent.find((a) => a.agentId === ids.agent)).toMatchObject({
      name: 'Sam Carter',
      designs: 6,
      exports: 1,
      approvals: 1,
    });
    expect(report.series).toHaveLength(30);
    expect(report.series.at(-1)).toMatchObject({ created: 6, exports: 1, approvals: 1, violations: 1, avgBrand: 85, avgCompliance: 80 });

    const asManager = await api<MetricsReport>(server.url, manager, 'GET', `/api/admin/metrics?from=${report.to}&to=${report.to}`);
    expect(asManager.status).toBe(200);
    expect(asManager.body).toMatchObject({ listingsGenerated: 1, approvals: 1, from: report.to, to: report.to });
    expect(asManager.body.series).toHaveLength(1);

    const bad = await api<{ error: { code: string } }>(server.url, admin, 'GET', '/api/admin/metrics?from=2026-02-01&to=2026-01-01');
    expect(bad.status).toBe(400);
    expect((await api(server.url, admin, 'GET', '/api/admin/metrics?from=yesterday')).status).toBe(400);
  });

  it('exports each table as CSV, defused against formula injection', async () => {
    await db.query(`UPDATE users SET name = '=HYPERLINK("http://evil.example","x")' WHERE id = $1`, [ids.agent]);
    const res = await fetch(`${server.url}/api/admin/metrics.csv?table=per-agent`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await res.text();
    expect(text.split('\r\n')[0]).toBe('agentId,name,designs,exports,approvals');
    expect(text).toContain(`${ids.agent},"'=HYPERLINK(""http://evil.example"",""x"")",6,1,1`);
    for (const table of ['summary', 'series', 'materials-by-kind', 'approval-turnaround', 'violations-by-rule']) {
      const r = await fetch(`${server.url}/api/admin/metrics.csv?table=${table}`, { headers: { authorization: `Bearer ${admin}` } });
      expect(r.status, table).toBe(200);
    }
    expect((await api(server.url, admin, 'GET', '/api/admin/metrics.csv?table=nope')).status).toBe(400);
  });
});

describe('webhooks', () => {
  let receiver: Server;
  const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        // Fails twice, then succeeds (and succeeds from then on).
        res.writeHead(received.length <= 2 ? 500 : 200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

  it('admins manage webhooks; deliveries are signed, retried until they succeed, logged and re-sendable', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    expect((await api(server.url, manager, 'GET', '/api/admin/webhooks')).status).toBe(403);
    expect((await api(server.url, agent, 'POST', '/api/admin/webhooks', { url, events: ['design.created'] })).status).toBe(403);
    const badUrl = await api<{ error: { message: string } }>(server.url, admin, 'POST', '/api/admin/webhooks', {
      url: 'ftp://127.0.0.1/x',
      events: ['design.created'],
    });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error.message).toMatch(/^url:/);
    expect((await api(server.url, admin, 'POST', '/api/admin/webhooks', { url, events: ['design.nope'] })).status).toBe(400);

    const created = await api<{ id: string; secret: string; url: string; events: string[]; active: boolean }>(
      server.url,
      admin,
      'POST',
      '/api/admin/webhooks',
      {
        url,
        events: ['design.created'],
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const hookId = created.body.id;
    const listed = await api<{ webhooks: Array<Record<string, unknown>> }>(server.url, admin, 'GET', '/api/admin/webhooks');
    expect(listed.body.webhooks).toHaveLength(1);
    expect(listed.body.webhooks[0]).not.toHaveProperty('secret');

    const design = await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', {
      title: 'Webhook flyer',
      templateId: 'listing-flyer',
    });
    expect(design.status).toBe(201);

    const log = await waitFor(
      async () => {
        const res = await api<{ deliveries: WebhookDelivery[] }>(server.url, admin, 'GET', `/api/admin/webhooks/${hookId}/deliveries`);
        const d = res.body.deliveries.find((x) => x.status === 'delivered');
        return d ? res.body.deliveries : null;
      },
      10_000,
      'the delivery to succeed',
    );
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ eventType: 'design.created', status: 'delivered', attempts: 3, lastStatusCode: 200 });
    expect(log[0]!.log.map((a) => a.statusCode)).toEqual([500, 500, 200]);

    expect(received).toHaveLength(3);
    for (const r of received) {
      expect(verifyWebhookSignature(created.body.secret, r.headers['x-realbrand-signature'] as string, r.body)).toBe(true);
      expect(verifyWebhookSignature('whsec_wrong', r.headers['x-realbrand-signature'] as string, r.body)).toBe(false);
      expect(r.headers['x-realbrand-event']).toBe('design.created');
    }
    const body = JSON.parse(received[2]!.body) as { type: string; brokerageId: string; payload: { designId: string } };
    expect(body).toMatchObject({ type: 'design.created', brokerageId: ids.demo, payload: { designId: design.body.id } });

    const resent = await api<{ id: string }>(server.url, admin, 'POST', `/api/admin/webhooks/${hookId}/deliveries/${log[0]!.id}/resend`);
    expect(resent.status).toBe(202);
    await waitFor(() => received.length === 4, 10_000, 'the re-sent delivery');
    expect(received[3]!.body).toBe(received[2]!.body);
    const after = await waitFor(
      async () => {
        const res = await api<{ deliveries: WebhookDelivery[] }>(server.url, admin, 'GET', `/api/admin/webhooks/${hookId}/deliveries`);
        return res.body.deliveries.find((d) => d.id === resent.body.id && d.status === 'delivered');
      },
      5_000,
      'the re-sent delivery in the log',
    );
    expect(after.resentFrom).toBe(log[0]!.id);

    // Another brokerage's events never reach this hook; a disabled hook gets nothing.
    expect((await api(server.url, admin, 'PATCH', `/api/admin/webhooks/${hookId}`, { active: false })).status).toBe(200);
    expect((await api(server.url, admin, 'DELETE', `/api/admin/webhooks/${hookId}`)).status).toBe(204);
    expect((await api(server.url, admin, 'GET', `/api/admin/webhooks/${hookId}`)).status).toBe(404);
  });
});
