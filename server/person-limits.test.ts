import { io as connectIo, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../shared/index.js';
import { freshPglite, type TestDatabase } from './test-support/databases.js';
import { DEMO } from './test-support/identity.js';
import { api, login, startTestServer, waitFor, type TestServer } from './test-support/server.js';

/** Per-person limits (small here; generous by default): sockets, designs open at once, designs created per minute. */
let db: TestDatabase;
let server: TestServer;
let agent: string;
let agent2: string;
const designs: string[] = [];
const cleanup: Array<() => void> = [];

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer(
    { MAX_SOCKETS_PER_USER: '4', MAX_ROOMS_PER_USER: '2', MAX_DESIGNS_PER_MINUTE: '12' },
    { db: await db.open() },
  );
  [agent, agent2] = await Promise.all([login(server.url, DEMO.agent), login(server.url, DEMO.agent2)]);
  for (let i = 0; i < 3; i++)
    designs.push(
      (await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', { title: `D${i}`, templateId: 'listing-flyer' })).body.id,
    );
});

afterAll(async () => {
  for (const c of cleanup) c();
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

/** Opens a collaboration socket; resolves 'open' once the server has joined it to the room, or the close. */
function collab(designId: string, token = agent): Promise<{ ws: WebSocket; result: 'open' | { code: number; reason: string } }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.wsUrl}/collab/${designId}?token=${token}`);
    cleanup.push(() => ws.terminate());
    ws.on('error', () => undefined);
    ws.once('message', () => resolve({ ws, result: 'open' }));
    ws.once('close', (code, reason) => resolve({ ws, result: { code, reason: reason.toString() } }));
  });
}

describe('per-person limits', () => {
  it('designs created per minute: beyond the limit 429 with a reason; a colleague is not affected', async () => {
    // The demo seed and the set-up made some of this minute's designs already.
    let last = { status: 201, body: {} as { error?: { code: string } } };
    let made = 0;
    for (let i = 0; i < 20 && last.status === 201; i++) {
      last = await api<{ error?: { code: string } }>(server.url, agent, 'POST', '/api/designs', {
        title: `More ${i}`,
        templateId: 'listing-flyer',
      });
      if (last.status === 201) made++;
    }
    expect(last.status).toBe(429);
    expect(last.body.error?.code).toBe('too_many_designs');
    expect(made).toBeLessThan(12);
    expect((await api(server.url, agent2, 'POST', '/api/designs', { title: 'Mine', templateId: 'listing-flyer' })).status).toBe(201);
  });

  it('designs open at once: a third design closes 1008 with the reason; more sockets on an open one are fine', async () => {
    const a = await collab(designs[0]!);
    const b = await collab(designs[1]!);
    expect(a.result).toBe('open');
    expect(b.result).toBe('open');
    const c = await collab(designs[2]!);
    expect(c.result).toMatchObject({ code: CloseCode.policyViolation, reason: expect.stringMatching(/designs open/) });
    expect((await collab(designs[0]!)).result).toBe('open');
    // Leaving one frees its slot.
    b.ws.close();
    await waitFor(async () => (await collab(designs[2]!)).result === 'open', 5_000, 'a freed slot');
  });

  it('sockets per person: collaboration and socket.io together; beyond the limit refused with a reason', async () => {
    let result: Awaited<ReturnType<typeof collab>>['result'] = 'open';
    for (let i = 0; i < 6 && result === 'open'; i++) result = (await collab(designs[0]!)).result;
    expect(result).toMatchObject({ code: CloseCode.policyViolation, reason: expect.stringMatching(/open connections/) });
    const refused = await new Promise<string>((resolve) => {
      const s: Socket = connectIo(server.url, {
        path: '/socket.io/',
        auth: { token: agent },
        transports: ['websocket'],
        reconnection: false,
      });
      cleanup.push(() => s.disconnect());
      s.once('connect', () => resolve('connected'));
      s.once('connect_error', (err) => resolve(err.message));
    });
    expect(refused).toMatch(/open connections/);
  });
});
