/**
 * A colleague opens a design they cannot see: they are told whose it is and ask for access; the
 * owner grants view in one click from the inbox; the colleague's editor then opens it.
 * (Another brokerage's agent still sees a plain "Design not found".)
 */
import { AGENT_B, expect, loggedIn, openEditor, test } from './fixtures.js';

test('asking for access to a colleague’s design, granted in one click from the inbox', async ({ browser, agentA, designId }) => {
  const colleague = await loggedIn(browser, AGENT_B);
  await colleague.page.goto(`/designs/${designId}`);
  await expect(colleague.page.getByRole('heading', { name: 'You don’t have access to this design' })).toBeVisible();
  await colleague.page.getByLabel('Message (optional)').fill('Can I use it for my open house?');
  await colleague.page.getByRole('button', { name: 'Ask to edit' }).click();
  await expect(colleague.page.getByRole('status').filter({ hasText: 'You asked for edit access' })).toBeVisible();

  await agentA.page.goto('/inbox');
  const item = agentA.page.getByTestId('inbox-item').filter({ hasText: 'asks to edit' });
  await expect(item).toContainText('Can I use it for my open house?');
  await item.getByRole('button', { name: 'Grant view' }).click();
  await expect(item.getByRole('status')).toContainText('can now view it');

  await openEditor(colleague.page, designId);

  const rival = await loggedIn(browser, 'agent@rival.realbrand.test');
  await rival.page.goto(`/designs/${designId}`);
  await expect(rival.page.getByRole('heading', { name: 'Design not found' })).toBeVisible();
  await expect(rival.page.getByRole('button', { name: /Ask to/ })).toHaveCount(0);
});
