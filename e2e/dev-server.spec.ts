/**
 * `npm run dev` (server/dev.ts): Vite's dev server with hot reload in front of the API
 * server. It has its own request path (Vite's proxy), so it gets its own check:
 * logging in through the form and opening a design must work there too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENT_A, expect, model, PASSWORD, test } from './fixtures.js';

const API_PORT = Number(process.env.E2E_PORT ?? 3100) + 7;
const VITE_PORT = API_PORT + 1;
const BASE = `http://localhost:${VITE_PORT}`;

let dev: ChildProcess | undefined;
let dataDir = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(join(tmpdir(), 'realbrand-dev-e2e-'));
  dev = spawn(process.execPath, ['--import', 'tsx', 'server/dev.ts'], {
    env: { ...process.env, PORT: String(API_PORT), VITE_PORT: String(VITE_PORT), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  // Ready when the dev server answers and its proxy reaches the API server.
  await expect
    .poll(async () => (await fetch(`${BASE}/api/templates`).catch(() => null))?.status ?? 0, { timeout: 100_000, intervals: [500] })
    .toBe(401);
});

test.afterAll(() => {
  if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

test('npm run dev: log in through the form, open a design and edit it', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: BASE });
  try {
    const page = await context.newPage();
    await page.goto('/designs');
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel('Email').fill(AGENT_A);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).toHaveURL(/\/designs$/);

    const res = await page.request.post('/api/designs', {
      headers: { 'X-Requested-With': 'e2e' },
      data: { title: 'Dev flyer', templateId: 'listing-flyer' },
    });
    expect(res.status()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await page.goto(`/designs/${id}?e2e`);
    await expect(page.getByTestId('design-title')).toHaveText('Dev flyer', { timeout: 60_000 });
    // The collaboration socket goes through the dev proxy too: a nudge is saved on the server.
    await expect(page.getByTestId('connection-status')).toHaveText('Connected');
    const before = (await model(page, 'status'))!.x as number; // the "FOR SALE" headline
    await page.getByTestId('layer').filter({ hasText: 'Headline' }).click();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
    await page.reload();
    await expect(page.getByTestId('connection-status')).toHaveText('Connected', { timeout: 60_000 });
    await expect.poll(() => model(page, 'status').then((m) => m?.x)).toBe(before + 1);
  } finally {
    await context.close();
  }
});
