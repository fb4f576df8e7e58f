import { expect, test } from '@playwright/test';

const PASSWORD = 'realbrand-demo';

test('an admin invites an agent, who accepts, logs in and sees only their brokerage’s designs', async ({ browser }) => {
  const email = `invited.${Date.now()}@demo.realbrand.test`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto('/login');
  await admin.getByLabel('Email').fill('admin@demo.realbrand.test');
  await admin.getByLabel('Password').fill(PASSWORD);
  await admin.getByRole('button', { name: 'Log in' }).click();
  await expect(admin).toHaveURL(/\/designs/);

  await admin.goto('/admin/people');
  await expect(admin.getByTestId('person-agent@demo.realbrand.test')).toBeVisible();
  const inviteForm = admin.getByRole('form', { name: 'Invite' });
  await inviteForm.getByLabel('Email').fill(email);
  await inviteForm.getByLabel('Role').selectOption('agent');
  await inviteForm.getByRole('button', { name: 'Create invite link' }).click();
  const link = await admin.getByTestId('invite-link').inputValue();
  expect(link).toMatch(/\/invite\/inv1\./);
  await adminContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByText(email)).toBeVisible();
  await page.getByLabel('Your name').fill('Ivy Invited');
  await page.getByLabel('Choose a password').fill('a-long-new-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a-long-new-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/designs/);

  // Only this brokerage's designs, and none of anyone else's that were not shared: a new agent has none.
  const res = await context.request.get('/api/designs');
  const { designs } = (await res.json()) as { designs: Array<{ brokerageId: string; title: string }> };
  const me = (await (await context.request.get('/api/auth/me')).json()) as { user: { brokerageId: string; brokerageName: string } };
  expect(me.user.brokerageName).toBe('Demo Realty');
  expect(designs.every((d) => d.brokerageId === me.user.brokerageId)).toBe(true);
  await expect(page.getByText('Sample flyer: 1234 Magnolia Ridge Lane')).toHaveCount(0);
  // The single-use link is spent.
  await page.goto(link);
  await expect(page.getByRole('alert')).toContainText('not valid');
  await context.close();
});
