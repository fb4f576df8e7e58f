/**
 * Single sign-on through a real OpenID provider (oidc-provider) started here on 127.0.0.1: the
 * demo admin connects the brokerage on /admin/sso and maps groups to roles; someone with a mapped
 * group signs in with "Sign in with SSO" and lands in the app with that role (created just in time);
 * someone without one is sent back to the log-in page with a clear message.
 * Its own server (npm start's build and flags, the demo seed, SSO_PRIVATE_HOSTS=127.0.0.1), on a free port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { SERVER_ENTRY, startCommand } from '../server/start-command.js';
import { startTestOidc, type TestOidc } from '../server/test-support/oidc.js';

let server: ChildProcess | undefined;
let idp: TestOidc;
let dataDir = '';
let output = '';
let origin = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(join(tmpdir(), 'realbrand-sso-e2e-'));
  const start = startCommand();
  server = spawn(process.execPath, [...start.nodeFlags, SERVER_ENTRY], {
    env: {
      ...process.env,
      ...start.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO_LISTINGS: 'false',
      SSO_PRIVATE_HOSTS: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PASSWORD_SCRYPT_LOG_N: '12',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await expect
    .poll(() => /RealBrand is running at (http:\/\/\S+)/.exec(output)?.[1] ?? '', { timeout: 100_000, message: 'the server starts' })
    .not.toBe('');
  origin = /RealBrand is running at (http:\/\/\S+)/.exec(output)![1]!;
  idp = await startTestOidc({
    redirectUris: [`${origin}/api/auth/sso/callback`],
    accounts: [
      { login: 'ada', email: 'ada@sso-demo.test', name: 'Ada Lovelace', groups: ['rb-marketing'] },
      { login: 'bram', email: 'bram@sso-demo.test', name: 'Bram Outsider', groups: ['contractors'] },
    ],
  });
});

test.afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  await idp?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** "Sign in with SSO" on the log-in page, then the provider's own sign-in page. */
async function signInWithSso(browser: Browser, email: string, login: string) {
  const page = await (await browser.newContext({ baseURL: origin })).newPage();
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in with SSO' }).click();
  await page.getByLabel('Work email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  // The provider's page (another origin): its development sign-in form.
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  return page;
}

test('an admin connects the brokerage to its OpenID provider; people sign in through it with their mapped role, or are told why not', async ({
  browser,
}) => {
  test.setTimeout(150_000);

  await test.step('the admin maps groups to roles on /admin/sso', async () => {
    const admin = await (await browser.newContext({ baseURL: origin })).newPage();
    await admin.goto('/login');
    await admin.getByLabel('Email').fill('admin@demo.realbrand.test');
    await admin.getByLabel('Password').fill('realbrand-demo');
    await admin.getByRole('button', { name: 'Log in' }).click();
    await expect(admin).toHaveURL(/\/designs/);
    await admin.goto('/admin/people');
    await admin.getByRole('link', { name: 'Single sign-on' }).click();
    await expect(admin.getByRole('heading', { name: 'Single sign-on', exact: true })).toBeVisible();
    await expect(admin.getByTestId('sso-redirect-uri')).toHaveText(`${origin}/api/auth/sso/callback`);
    await admin.getByLabel('Issuer URL').fill(idp.issuer);
    await admin.getByLabel('Client ID').fill(idp.clientId);
    await admin.getByLabel('Client secret').fill(idp.clientSecret);
    await admin.getByLabel('Email domains').fill('sso-demo.test');
    await admin.getByLabel('Admin groups').fill('rb-admins');
    await admin.getByLabel('Brand manager groups').fill('rb-marketing');
    await admin.getByLabel('Agent groups').fill('rb-agents');
    await admin.getByRole('button', { name: 'Save single sign-on' }).click();
    await expect(admin.locator('.form-notice')).toHaveText('Single sign-on saved.');
    await expect(admin.getByLabel('Client secret')).toHaveAttribute('placeholder', /Stored encrypted/);
    await admin.close();
  });

  await test.step('someone in a mapped group signs in and is a brand manager of the brokerage', async () => {
    const page = await signInWithSso(browser, 'ada@sso-demo.test', 'ada');
    await expect(page).toHaveURL(new RegExp(`^${origin}/designs`));
    const session = (await (await page.request.get('/api/auth/session')).json()) as {
      user: { email: string; name: string; role: string; brokerageName: string };
    };
    expect(session.user).toMatchObject({
      email: 'ada@sso-demo.test',
      name: 'Ada Lovelace',
      role: 'brand_manager',
      brokerageName: 'Demo Realty',
    });
    // What a brand manager sees, and not what only admins see.
    await expect(page.getByTestId('nav-reviews')).toBeVisible();
    await expect(page.getByTestId('nav-admin-people')).toHaveCount(0);
  });

  await test.step('someone in no mapped group is refused with a clear message on the log-in page', async () => {
    const page = await signInWithSso(browser, 'bram@sso-demo.test', 'bram');
    await expect(page).toHaveURL(new RegExp(`^${origin}/login\\?sso_error=no_matching_group`));
    await expect(page.getByRole('alert')).toContainText('not in a group that has access to RealBrand');
    const session = (await (await page.request.get('/api/auth/session')).json()) as { user: unknown };
    expect(session.user).toBeNull();
  });
});
