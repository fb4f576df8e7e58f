import { AGENT_A, BRAND_MANAGER, expect, loggedIn, openEditor, test } from './fixtures.js';

test('a brand manager publishes a design as a template; an agent makes a design from it', async ({ browser }) => {
  const manager = await loggedIn(browser, BRAND_MANAGER);
  const agent = await loggedIn(browser, AGENT_A);
  try {
    const created = await manager.context.request.post('/api/designs', {
      data: { title: 'Lakeside flyer', templateId: 'listing-flyer' },
      headers: { 'X-Requested-With': 'fetch' },
    });
    const { id } = (await created.json()) as { id: string };
    await openEditor(manager.page, id);
    await manager.page.getByTestId('publish-template').click();
    await manager.page.getByTestId('template-name').fill('Lakeside flyer');
    await manager.page.getByTestId('publish-template-confirm').click();
    await expect(manager.page.getByText('Published as a new template')).toBeVisible();

    const { page } = agent;
    await page.goto('/designs');
    await page.getByTestId('new-design').click();
    const card = page.locator('.template-card', { hasText: 'Lakeside flyer' });
    await expect(card).toContainText('Your brokerage');
    await expect(card.locator('img.design-thumb')).toBeVisible(); // the server's rendering of the template
    await expect(card.getByText('Retire')).toHaveCount(0); // agents can't retire
    await card.click();
    await page.getByRole('textbox', { name: 'Title' }).fill('My lakeside flyer');
    await page.getByRole('button', { name: 'Create design' }).click();
    await expect(page).toHaveURL(/\/designs\/[^/?]+$/);
    await expect(page.getByTestId('design-title')).toHaveText('My lakeside flyer');
    const designId = page.url().split('/').pop()!;
    const info = (await (await page.request.get(`/api/designs/${designId}`)).json()) as { templateId: string; templateVersion: number };
    expect(info.templateId).toMatch(/^bt-/);
    expect(info.templateVersion).toBe(1);
  } finally {
    await manager.context.close();
    await agent.context.close();
  }
});
