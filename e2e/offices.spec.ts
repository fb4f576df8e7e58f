/**
 * Offices and "update my designs" as people use them: the admin adds an office on the dashboard and puts
 * an agent in it on the People page; the agent's card (made before) offers the office address on My
 * profile, and one click updates it, keeping the field the agent retyped.
 */
import { expect, test } from '@playwright/test';
import { AGENT_A, loggedIn } from './fixtures.js';

test('an admin adds an office, puts an agent in it; the agent updates their designs in one click', async ({ browser }) => {
  const agent = await loggedIn(browser, AGENT_A);
  const made = await agent.context.request.post('/api/designs', {
    headers: { 'X-Requested-With': 'e2e' },
    data: { title: 'Office card', templateId: 'business-card' },
  });
  expect(made.ok()).toBeTruthy();

  const admin = await loggedIn(browser, 'admin@demo.realbrand.test');
  await admin.page.goto('/admin');
  const panel = admin.page.getByTestId('offices');
  await panel.getByRole('button', { name: 'Add office' }).click();
  await panel.locator('input[name="office-name"]').fill('Downtown');
  await panel.locator('input[name="office-street"]').fill('500 W 2nd St');
  await panel.locator('input[name="office-city"]').fill('Austin');
  await panel.locator('select[name="office-state"]').selectOption('TX');
  await panel.locator('input[name="office-postalCode"]').fill('78703');
  await panel.locator('input[name="office-phone"]').fill('(512) 555-0100');
  await panel.locator('input[name="office-licenses"]').fill('TX 9001234');
  await panel.getByRole('button', { name: 'Save office' }).click();
  await expect(panel.getByTestId('office-Downtown')).toContainText('500 W 2nd St, Austin, TX 78703 · (512) 555-0100 · TX 9001234');
  await admin.page.screenshot({ path: `${test.info().outputDir}/offices-panel.png`, fullPage: true });

  await admin.page.goto('/admin/people');
  await admin.page.getByLabel(`Office of ${AGENT_A}`).selectOption({ label: 'Downtown' });
  await expect(admin.page.getByText('is in the Downtown office')).toBeVisible();

  await agent.page.goto('/profile');
  const banner = agent.page.getByTestId('design-updates-banner');
  await expect(banner).toContainText('Office card: office address → 500 W 2nd St, Austin, TX 78703');
  await agent.page.screenshot({ path: `${test.info().outputDir}/update-my-designs.png`, fullPage: true });
  // The shared e2e server holds this agent's designs from earlier specs too: every one made from a template now
  // shows the new office address, so the count is whatever the server listed, the card among them.
  const pending = (await (await agent.context.request.get('/api/profile/design-updates')).json()).designs as {
    title: string;
    changes: unknown[];
  }[];
  expect(pending.map((d) => d.title)).toContain('Office card');
  const fields = pending.reduce((n, d) => n + d.changes.length, 0);
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  await banner.getByRole('button', { name: 'Update my designs' }).click();
  await expect(agent.page.getByTestId('design-updates-done')).toContainText(
    `Updated ${count(fields, 'field')} in ${count(pending.length, 'design')}`,
  );
  const after = await agent.context.request.get('/api/profile/design-updates');
  expect((await after.json()).designs).toEqual([]);
});
