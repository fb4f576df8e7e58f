import { io as connectIo, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/index.js';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { browserLogin, DEMO, shareDesign, type CookieSession } from '../test-support/identity.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';

/**
 * socket.io rooms follow access as collaboration sockets do (share removed, role changed), the
 * review queue goes only to people who may review, and cookie-authenticated sockets
 * (socket.io and /collab) refuse a foreign Origin.
 */
const PUBLIC_URL = 'https://brand.example.test';
let db: TestDatabase;
let server: TestServer;
const t: Record<keyof typeof DEMO, string> = { admin: '', brand: '', agent: '', agent2: '', rival: '' };
let agent2Id: string;
const open: Socket[] = [];

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({ PUBLIC_URL }, { db: await db.open() });
  for (const who of Object.keys(DEMO) as Array<keyof typeof DEMO>) t[who] = await login(server.url, DEMO[who]);
  agent2Id = (await api<{ user: { id: string } }>(server.url, t.agent2, 'GET', '/api/auth/me')).body.user.id;
});

afterAll(async () => {
  for (const s of open) s.disconnect();
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

interface Heard {
  socket: Socket;
  events: Array<{ event: string; payload: { designId?: string } }>;
}

async function realtime(token: string): Promise<Heard> {
  const socket = connectIo(server.url, { path: '/socket.io/', auth: { token }, transports: ['websocket'], reconnection: false });
  open.push(socket);
  const heard: Heard = { socket, events: [] };
  socket.onAny((event: string, payload: { designId?: string }) => heard.events.push({ event, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return heard;
}

const join = (h: Heard, designId: string) => new Promise<{ ok: boolean }>((resolve) => h.socket.emit('design:join', { designId }, resolve));
const heardFor = (h: Heard, event: string, designId: string) => h.events.some((e) => e.event === event && e.payload?.designId === designId);
const newDesign = async (token: string) =>
  (await api<{ id: string }>(server.url, token, 'POST', '/api/designs', { title: 'Realtime', templateId: 'listing-flyer' })).body.id;

/** Submits a design for review; waits until `witness` has heard its events, so anyone else would have too. */
async function submitAndSettle(designId: string, witnesses: Heard[]): Promise<void> {
  expect((await api(server.url, t.agent, 'POST', `/api/designs/${designId}/submit`, {})).status).toBe(200);
  for (const w of witnesses)
    await waitFor(
      () => heardFor(w, 'design:event', designId) || heardFor(w, 'review:queue', designId),
      5_000,
      'the witness to hear the submit',
    );
  await new Promise((r) => setTimeout(r, 200));
}

describe('socket.io rooms follow access', () => {
  it('a removed share takes the person out of the design room at once', async () => {
    const designId = await newDesign(t.agent);
    await shareDesign(server.url, t.agent, designId, DEMO.agent2, 'view');
    const owner = await realtime(t.agent);
    const colleague = await realtime(t.agent2);
    expect((await join(owner, designId)).ok).toBe(true);
    expect((await join(colleague, designId)).ok).toBe(true);
    expect((await api(server.url, t.agent, 'DELETE', `/api/designs/${designId}/shares/${agent2Id}`)).status).toBe(204);
    // The re-check runs as the share is removed; give it a moment like the owner's events get.
    await new Promise((r) => setTimeout(r, 300));
    await submitAndSettle(designId, [owner]);
    expect(heardFor(owner, 'design:event', designId)).toBe(true);
    expect(heardFor(colleague, 'design:event', designId)).toBe(false);
    // And cannot come back.
    expect((await join(colleague, designId)).ok).toBe(false);
  });

  it('review:queue events reach only people who may review, and follow role changes', async () => {
    const agent = await realtime(t.agent);
    const colleague = await realtime(t.agent2);
    const brand = await realtime(t.brand);
    const first = await newDesign(t.agent);
    await submitAndSettle(first, [brand]);
    expect(heardFor(brand, 'review:queue', first)).toBe(true);
    expect(heardFor(agent, 'review:queue', first)).toBe(false);
    expect(heardFor(colleague, 'review:queue', first)).toBe(false);

    // Promoted: the open socket starts hearing the queue; demoted: it stops.
    expect((await api(server.url, t.admin, 'PATCH', `/api/people/${agent2Id}`, { role: 'brand_manager' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const second = await newDesign(t.agent);
    await submitAndSettle(second, [brand]);
    expect(heardFor(colleague, 'review:queue', second)).toBe(true);

    expect((await api(server.url, t.admin, 'PATCH', `/api/people/${agent2Id}`, { role: 'agent' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const third = await newDesign(t.agent);
    await submitAndSettle(third, [brand]);
    expect(heardFor(colleague, 'review:queue', third)).toBe(false);
  });

  it('a demoted reviewer leaves the rooms of designs they could only open as a reviewer', async () => {
    const designId = await newDesign(t.agent);
    expect((await api(server.url, t.admin, 'PATCH', `/api/people/${agent2Id}`, { role: 'brand_manager' })).status).toBe(200);
    const colleague = await realtime(t.agent2);
    const owner = await realtime(t.agent);
    expect((await join(owner, designId)).ok).toBe(true);
    expect((await join(colleague, designId)).ok).toBe(true);
    expect((await api(server.url, t.admin, 'PATCH', `/api/people/${agent2Id}`, { role: 'agent' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    await submitAndSettle(designId, [owner]);
    expect(heardFor(colleague, 'design:event', designId)).toBe(false);
  });
});

describe('Origin of cookie-authenticated sockets', () => {
  let session: CookieSession;
  let designId: string;
  beforeAll(async () => {
    session = await browserLogin(server.url, DEMO.agent);
    designId = await newDesign(t.agent);
  });

  const socketIo = (headers: Record<string, string>) =>
    new Promise<'connected' | string>((resolve) => {
      const s = connectIo(server.url, { path: '/socket.io/', transports: ['websocket'], reconnection: false, extraHeaders: headers });
      open.push(s);
      s.once('connect', () => resolve('connected'));
      s.once('connect_error', (err) => resolve(err.message));
    });

  const collab = (headers: Record<string, string>, query = '') =>
    new Promise<{ opened: boolean; code?: number; status?: number }>((resolve) => {
      const ws = new WebSocket(`${server.wsUrl}/collab/${designId}${query}`, { headers });
      let opened = false;
      ws.on('message', () => {
        opened = true;
        ws.close();
      });
      ws.on('close', (code) => resolve({ opened, code }));
      ws.on('unexpected-response', (_req, res) => resolve({ opened: false, status: res.statusCode }));
      ws.on('error', () => undefined);
    });

  it('socket.io: a foreign Origin with the cookie is refused; our own origin and no Origin are fine', async () => {
    expect(await socketIo({ cookie: session.cookie, origin: 'https://evil.example.test' })).not.toBe('connected');
    expect(await socketIo({ cookie: session.cookie, origin: 'https://sub.brand.example.test' })).not.toBe('connected');
    expect(await socketIo({ cookie: session.cookie, origin: PUBLIC_URL })).toBe('connected');
    expect(await socketIo({ cookie: session.cookie })).toBe('connected');
  });

  it('/collab: a foreign Origin with the cookie is refused with 403; our own origin opens', async () => {
    const evil = await collab({ cookie: session.cookie, origin: 'https://evil.example.test' });
    expect(evil.opened).toBe(false);
    expect(evil.status ?? evil.code).toBe(evil.status ? 403 : CloseCode.forbidden);
    expect((await collab({ cookie: session.cookie, origin: PUBLIC_URL })).opened).toBe(true);
    // The Host the browser used also counts as our origin (no PUBLIC_URL behind a plain deployment).
    expect((await collab({ cookie: session.cookie, origin: server.url })).opened).toBe(true);
  });

  it('a bearer token is not a cookie: no Origin rule for it', async () => {
    expect((await collab({ origin: 'https://tool.example.test' }, `?token=${t.agent}`)).opened).toBe(true);
  });
});
