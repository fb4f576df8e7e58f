import type { AddressInfo } from 'node:net';
import { buildApp, type BuildOptions, type RealBrandApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';
export const DEMO_PASSWORD = 'realbrand-demo';

export interface TestServer extends RealBrandApp {
  url: string;
  wsUrl: string;
  port: number;
}

/** Builds the real app in-process and listens on a free loopback port. */
export async function startTestServer(env: Record<string, string> = {}, options: BuildOptions = {}): Promise<TestServer> {
  const config: Config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    SESSION_SECRET: TEST_SECRET,
    LOG_LEVEL: 'silent',
    // Cheap password hashes: every fresh database seeds five accounts.
    PASSWORD_SCRYPT_LOG_N: '12',
    DATA_DIR: env.DATA_DIR ?? '.tmp/test-data',
    // Suites count the demo brokerage's listings: they start without the demo listings (a suite may opt in).
    SEED_DEMO_LISTINGS: 'false',
    ...env,
  });
  const server = await buildApp(config, { serveClient: false, logger: false, ...options });
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = server.app.server.address() as AddressInfo;
  return { ...server, port, url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}` };
}

/** Logs in through the real endpoint and returns the access token. */
export async function login(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login failed for ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export async function api<T = unknown>(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Polls until `check` returns truthy, or fails after `timeoutMs` (no fixed sleeps in tests). */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 5_000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
