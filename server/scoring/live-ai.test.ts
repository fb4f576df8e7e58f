import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectIo } from 'socket.io-client';
import { objectsMap, objectToYMap, type DesignObject } from '../../shared/index.js';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';
import { stockClient, synced } from '../test-support/clients.js';

interface ScorePayload {
  compliance: number;
  blocksApproval: boolean;
  findings: Array<{ ruleId: string; severity: string; objectIds: string[]; source?: string; blocking?: boolean; span?: { text: string } }>;
}

/** An OpenAI-compatible server that flags "quiet, settled buyers" in whatever copy it is sent. */
let model: Server;
const reviewed: string[] = [];
let db: TestDatabase;
let server: TestServer;
let agent: string;

beforeAll(async () => {
  model = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const sent = JSON.parse(body) as { model: string; messages: Array<{ role: string; content: string }> };
    const user = sent.messages.at(-1)!.content;
    const objectId = /"objectId":"([^"]+)"/.exec(user)?.[1] ?? 'none';
    reviewed.push(objectId);
    const findings = user.includes('quiet, settled buyers')
      ? [
          {
            objectId,
            severity: 'warning',
            category: 'compliance',
            message: 'Describes who should buy (steering).',
            quote: 'quiet, settled buyers',
            suggestion: 'buyers',
          },
        ]
      : [];
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: 'c',
        object: 'chat.completion',
        created: 0,
        model: sent.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: JSON.stringify({ findings }), refusal: null },
            finish_reason: 'stop',
            logprobs: null,
          },
        ],
        usage: { prompt_tokens: 500, completion_tokens: 50, total_tokens: 550 },
      }),
    );
  });
  await new Promise<void>((r) => model.listen(0, '127.0.0.1', r));
  db = await freshPglite();
  server = await startTestServer(
    { OPENAI_API_KEY: 'test', OPENAI_BASE_URL: `http://127.0.0.1:${(model.address() as AddressInfo).port}/v1`, AI_LIVE_DEBOUNCE_MS: '50' },
    { db: await db.open() },
  );
  agent = await login(server.url, 'agent@demo.realbrand.test');
});

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
  model?.closeAllConnections();
  model?.close();
});

describe('live AI pass in the live score', () => {
  it('an edited text gets an AI warning pushed with the score; it lowers compliance but does not block approval', async () => {
    const designId = (await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', { title: 'AI', templateId: 'listing-flyer' }))
      .body.id;
    const socket = connectIo(server.url, { path: '/socket.io/', auth: { token: agent }, transports: ['websocket'], reconnection: false });
    const scores: ScorePayload[] = [];
    socket.on('score', (s: ScorePayload) => scores.push(s));
    await new Promise((resolve) => socket.emit('design:join', { designId }, resolve));
    const client = stockClient(server.wsUrl, designId, agent);
    try {
      await synced(client);
      const text: DesignObject = {
        id: 'copy',
        type: 'text',
        x: 60,
        y: 600,
        width: 500,
        height: 60,
        angle: 0,
        z: 'zz',
        text: 'A calm street for quiet, settled buyers.',
        fontFamily: 'Open Sans',
        fontSize: 20,
        fontWeight: 400,
        fill: '#1f3a5f',
        textAlign: 'left',
      };
      objectsMap(client.doc).set(text.id, objectToYMap(text));
      const withAi = await waitFor(
        () => scores.find((s) => s.findings.some((f) => f.source === 'ai')),
        10_000,
        'score with the AI finding',
      );
      const ai = withAi.findings.find((f) => f.source === 'ai')!;
      expect(ai).toMatchObject({
        ruleId: 'ai-compliance-review',
        severity: 'warning',
        objectIds: ['copy'],
        span: { text: 'quiet, settled buyers' },
      });
      expect(ai.blocking).toBeUndefined();
      const before = scores.find((s) => !s.findings.some((f) => f.source === 'ai'))!;
      expect(withAi.compliance).toBeLessThan(before.compliance);
      expect(withAi.blocksApproval).toBe(before.blocksApproval);
      // One call per settled text object (each template text once too), not per re-score.
      expect(reviewed.filter((id) => id === 'copy')).toEqual(['copy']);
      expect(new Set(reviewed).size).toBe(reviewed.length);
    } finally {
      client.destroy();
      socket.close();
    }
  });
});
