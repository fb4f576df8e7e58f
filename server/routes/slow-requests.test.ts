import { connect, type Socket } from 'node:net';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.js';

/**
 * Slowloris: a client that sends its headers or body a trickle at a time must not hold a
 * connection for ever. And /metrics (route names, room counts, timings) is for the operator's
 * scraper only: an allow-listed address or a bearer token.
 */
let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer(
    { REQUEST_TIMEOUT_MS: '1500', HEADERS_TIMEOUT_MS: '1000', METRICS_TOKEN: 'scrape-token-0123456789abcdef', METRICS_ALLOW: '127.0.0.1' },
    { db: await db.open() },
  );
});

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

/** Opens a raw connection, writes `first`, then trickles a byte every 200 ms; resolves with what the server said when it closed. */
function trickle(first: string, drip: string): { closed: Promise<string>; socket: Socket } {
  const socket = connect(server.port, '127.0.0.1');
  let answer = '';
  socket.on('data', (d) => (answer += d.toString()));
  socket.on('error', () => undefined);
  socket.write(first);
  const timer = setInterval(() => socket.writable && socket.write(drip), 200);
  const closed = new Promise<string>((resolve) =>
    socket.on('close', () => {
      clearInterval(timer);
      resolve(answer);
    }),
  );
  return { closed, socket };
}

describe('slow requests', () => {
  it('a body that trickles in is cut off with 408 after REQUEST_TIMEOUT_MS', async () => {
    const { closed, socket } = trickle(
      `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`,
      ' ',
    );
    try {
      const answer = await waitFor(
        async () => (await Promise.race([closed, new Promise<null>((r) => setTimeout(() => r(null), 100))])) ?? null,
        10_000,
        'the slow body to be cut off',
      );
      expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
    } finally {
      socket.destroy();
    }
  });

  it('headers that trickle in are cut off too', async () => {
    const { closed, socket } = trickle(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n`, 'X');
    try {
      await waitFor(
        async () => await Promise.race([closed.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 100))]),
        10_000,
        'slow headers to be cut off',
      );
    } finally {
      socket.destroy();
    }
  });

  it('WebSocket and ordinary requests are not affected', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

/** GET /metrics from a chosen local address (Linux routes all of 127/8 to loopback). */
function metricsFrom(localAddress: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: '/metrics', localAddress, headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('/metrics', () => {
  it('is served to an allow-listed address', async () => {
    const res = await metricsFrom('127.0.0.1');
    expect(res.status).toBe(200);
    expect(res.body).toContain('# HELP');
  });

  it('is refused to any other address without the token, with a JSON error', async () => {
    const res = await metricsFrom('127.0.0.2');
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('forbidden');
    expect((await metricsFrom('127.0.0.2', { authorization: 'Bearer wrong-token' })).status).toBe(403);
  });

  it('is refused through a proxy even from an allow-listed address', async () => {
    expect((await metricsFrom('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(403);
  });

  it('is served anywhere with the bearer token', async () => {
    const res = await metricsFrom('127.0.0.2', { authorization: 'Bearer scrape-token-0123456789abcdef' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('# HELP');
  });
});
