/**
 * A real brokerage starts using RealBrand, from an empty data directory: the console's one-time
 * setup link → /setup → the admin invites a brand manager and an agent by email (read from a real
 * SMTP server started here) → both accept and choose passwords → the agent fills their profile,
 * enrols two-factor, signs out and back in with a code → makes a business card that shows their
 * details → the brand manager is emailed about the submission and approves it.
 * Its own server (npm start's build and flags, SEED_DEMO=false, SMTP_URL), on a free port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { totp } from '../server/auth/totp.js';
import { SERVER_ENTRY, startCommand } from '../server/start-command.js';
import { startTestSmtp, type TestSmtp } from '../server/test-support/smtp.js';
import { findText } from './fixtures.js';

const H = { 'x-requested-with': 'e2e' };
let server: ChildProcess | undefined;
let smtp: TestSmtp;
let dataDir = '';
let output = '';
let setupLink = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  smtp = await startTestSmtp();
  dataDir = mkdtempSync(join(tmpdir(), 'realbrand-onboarding-e2e-'));
  const start = startCommand();
  server = spawn(process.execPath, [...start.nodeFlags, SERVER_ENTRY], {
    env: {
      ...process.env,
      ...start.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'RealBrand <no-reply@realbrand.test>',
      LOG_LEVEL: 'warn',
      PASSWORD_SCRYPT_LOG_N: '12',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await expect
    .poll(() => /(http:\/\/\S+\/setup#setup1\.[\w-]+)/.exec(output)?.[1] ?? '', {
      timeout: 100_000,
      message: 'the console prints a setup link',
    })
    .not.toBe('');
  setupLink = /(http:\/\/\S+\/setup#setup1\.[\w-]+)/.exec(output)![1]!;
});

test.afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  await smtp?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function acceptInvite(browser: Browser, email: string, name: string, password: string): Promise<Page> {
  const mail = await smtp.waitForMail(email, /invited you to Lone Star Homes/);
  const link = mail.links.find((l) => l.includes('/invite/'))!;
  const page = await (await browser.newContext({ baseURL: new URL(link).origin })).newPage();
  await page.goto(link);
  await expect(page.getByText(`You were invited as ${email}`)).toBeVisible();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Choose a password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/login\?email=/);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/designs/);
  return page;
}

test('from an empty data directory to an approved business card', async ({ browser }) => {
  test.setTimeout(180_000);
  const origin = new URL(setupLink).origin;
  const admin = await (await browser.newContext({ baseURL: origin })).newPage();

  await test.step('the console’s setup link sets up the brokerage and its first admin', async () => {
    await admin.goto(setupLink);
    await admin.getByLabel('Brokerage name').fill('Lone Star Homes');
    await admin.getByRole('checkbox', { name: 'TX' }).check();
    await admin.getByLabel('Your name').fill('Alex Admin');
    await admin.getByLabel('Email').fill('alex@lonestar.test');
    await admin.getByLabel('Password').fill('alex-admin-password');
    await admin.getByRole('button', { name: 'Create the brokerage' }).click();
    await expect(admin).toHaveURL(/\/admin\/people/);
    await expect(admin.getByRole('heading', { name: 'People and roles' })).toBeVisible();
    // Gone for good.
    const again = await (await browser.newContext()).newPage();
    await again.goto(setupLink);
    await expect(again.getByRole('alert')).toContainText('set up already');
  });

  await test.step('the admin invites a brand manager and an agent by email', async () => {
    for (const [email, role] of [
      ['blair@lonestar.test', 'brand_manager'],
      ['casey@lonestar.test', 'agent'],
    ] as const) {
      const form = admin.getByRole('form', { name: 'Invite' });
      await form.getByLabel('Email').fill(email);
      await form.locator('select[name="role"]').selectOption(role);
      await form.getByRole('button', { name: 'Create invite link' }).click();
      await expect(admin.getByRole('status').filter({ hasText: `Invitation emailed to ${email}` })).toBeVisible();
    }
  });

  const brand = await test.step('both accept from the email and choose passwords', async () => {
    const bm = await acceptInvite(browser, 'blair@lonestar.test', 'Blair Brand', 'blair-brand-password');
    return bm;
  });
  const agent = await acceptInvite(browser, 'casey@lonestar.test', 'Casey Agent', 'casey-agent-password');

  await test.step('the agent fills their profile', async () => {
    await agent.goto('/profile');
    await agent.getByLabel('Display name').fill('Casey Morgan');
    await agent.getByLabel('Email on materials').fill('casey@caseysells.test');
    await agent.locator('input[name="phone0"]').fill('(512) 555-0123');
    await agent.locator('input[name="licenseState0"]').fill('TX');
    await agent.locator('input[name="licenseNumber0"]').fill('0765432');
    await agent.getByRole('button', { name: 'Save profile' }).click();
    await expect(agent.getByRole('status').filter({ hasText: 'Profile saved' })).toBeVisible();
  });

  const secret = await test.step('the agent enrols two-factor (a code verified first; recovery codes shown once)', async () => {
    await agent.goto('/account/security');
    await agent.getByRole('button', { name: 'Set up two-factor' }).click();
    await expect(agent.getByAltText('QR code for your authenticator app')).toBeVisible();
    const key = (await agent.getByTestId('totp-secret').textContent())!.trim();
    await agent.getByLabel('Enter the six-digit code').fill('000000' === totp(key) ? '111111' : '000000');
    await agent.getByRole('button', { name: 'Verify and turn on' }).click();
    await expect(agent.getByRole('alert').filter({ hasText: 'not valid' })).toBeVisible();
    await agent.getByLabel('Enter the six-digit code').fill(totp(key));
    await agent.getByRole('button', { name: 'Verify and turn on' }).click();
    await expect(agent.getByTestId('recovery-codes').locator('code')).toHaveCount(10);
    await agent.getByRole('button', { name: 'I saved them' }).click();
    return key;
  });

  await test.step('the agent signs out and back in with a code', async () => {
    await agent.getByRole('button', { name: 'Log out' }).click();
    await expect(agent).toHaveURL(/\/login/);
    await agent.getByLabel('Email').fill('casey@lonestar.test');
    await agent.getByLabel('Password').fill('casey-agent-password');
    await agent.getByRole('button', { name: 'Log in' }).click();
    // The enabling code's time step is used up: the next one.
    await agent.getByLabel('Authentication code').fill(totp(secret, Date.now() + 30_000));
    await agent.getByRole('button', { name: 'Verify and log in' }).click();
    // Back where they signed out (log-in follows ?next=).
    await expect(agent).toHaveURL(/\/account\/security$/);
    await expect(agent.getByRole('heading', { name: 'Account security' })).toBeVisible();
  });

  let designId = '';
  await test.step('the agent makes a business card that shows their details, and submits it', async () => {
    const res = await agent
      .context()
      .request.post('/api/designs', { headers: H, data: { title: 'My business card', templateId: 'business-card' } });
    expect(res.status()).toBe(201);
    designId = ((await res.json()) as { id: string }).id;
    await agent.goto(`/designs/${designId}?e2e`);
    await expect(agent.getByTestId('connection-status')).toHaveText(/Connected|Live/);
    await expect.poll(() => findText(agent, 'Casey Morgan')).toHaveLength(1);
    expect(await findText(agent, '(512) 555-0123')).toHaveLength(1);
    expect(await findText(agent, 'casey@caseysells.test')).toHaveLength(1);
    expect(await findText(agent, 'TX License #0765432')).toHaveLength(1);
    await agent.getByTestId('submit-review').click();
    await agent.getByTestId('submit-comment').fill('My new card');
    await agent.getByTestId('submit-confirm').click();
    await expect(agent.getByTestId('submit-review')).toHaveCount(0);
  });

  await test.step('the brand manager is emailed about the submission, follows the link and approves', async () => {
    const mail = await smtp.waitForMail('blair@lonestar.test', /Casey Morgan submitted “My business card” for review/);
    expect(mail.text).toContain('My new card');
    const link = mail.links.find((l) => l.includes(`/designs/${designId}`))!;
    await brand.goto(link);
    await brand.getByTestId('approve').click();
    await brand.getByTestId('approve-confirm').click();
    await smtp.waitForMail('casey@lonestar.test', /“My business card” was approved by Blair Brand/);
  });
});
