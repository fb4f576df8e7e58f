/**
 * The editor on a 1024×768 tablet or small laptop and on a 1280×800 laptop: the canvas keeps its
 * room. Below 1280 px the properties and layers are one drawer with two tabs, opened from a
 * narrow rail over the canvas (which neither shrinks nor re-fits); the checks close it. At 1280 px
 * the panels sit beside the canvas, and the checks and comments take turns instead of squeezing
 * the design into a strip; the title and Export stay whole.
 */
import type { Page } from '@playwright/test';
import { AGENT_A, BRAND_MANAGER, clickDesign, expect, loggedIn, openEditor, selection, test } from './fixtures.js';

const H = { 'X-Requested-With': 'e2e' };

async function canvasWidth(page: Page): Promise<number> {
  return (await page.getByTestId('canvas-host').boundingBox())!.width;
}

function zoom(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as any).__realbrand.canvas.viewportTransform as number[]);
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(w.scroll).toBeLessThanOrEqual(w.client);
}

async function whole(page: Page, testId: string, viewportWidth: number): Promise<void> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  expect(box.x, testId).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, testId).toBeLessThanOrEqual(viewportWidth);
}

test('at 1024×768 properties and layers are a tabbed drawer over the canvas, which keeps its width', async ({ agentA, designId }) => {
  const page = agentA.page;
  await page.setViewportSize({ width: 1024, height: 768 });
  await openEditor(page, designId);
  await expect(page.getByTestId('side-rail')).toBeVisible();
  await expect(page.getByTestId('side-drawer')).toBeHidden();
  const width = await canvasWidth(page);
  // Only the tool rail (56) and the panel rail (52) beside it, not a 288 px panel.
  expect(width).toBeGreaterThan(1024 - 56 - 52 - 4);
  const fit = await zoom(page);

  await test.step('select the price, open its properties', async () => {
    await clickDesign(page, 700, 632);
    await expect.poll(() => selection(page)).toEqual(['price']);
    await page.getByTestId('side-toggle-properties').click();
    const drawer = page.getByTestId('side-drawer');
    await expect(drawer).toBeVisible();
    await expect(drawer.getByTestId('properties')).toBeVisible();
    await expect(drawer.getByTestId('font-weight')).toBeVisible();
    expect(await canvasWidth(page)).toBe(width);
    expect(await zoom(page)).toEqual(fit);
    await page.screenshot({ path: 'test-results/screens/editor-1024-properties.png' });
  });

  await test.step('the layers tab lists the layers; a row selects its object', async () => {
    await page.getByTestId('side-tab-layers').click();
    const layers = page.getByTestId('side-drawer').getByTestId('layers');
    await expect(layers).toBeVisible();
    await expect(page.getByTestId('side-drawer').getByTestId('properties')).toBeHidden();
    await layers.getByTestId('layer').filter({ hasText: 'Description' }).click();
    await expect.poll(() => selection(page)).toEqual(['desc']);
    await page.screenshot({ path: 'test-results/screens/editor-1024-layers.png' });
  });

  await test.step('the checks take the drawer’s place; the canvas still does not move', async () => {
    await page.getByTestId('score-compliance').click();
    await expect(page.getByTestId('insights')).toHaveClass(/open/);
    await expect(page.getByTestId('side-drawer')).toBeHidden();
    expect(await canvasWidth(page)).toBe(width);
    await page.getByTestId('side-toggle-layers').click();
    await expect(page.getByTestId('side-drawer')).toBeVisible();
    await expect(page.getByTestId('insights')).not.toHaveClass(/open/);
  });

  await test.step('Escape closes the drawer and gives the focus back to its button', async () => {
    await page.getByTestId('side-tab-layers').focus();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('side-drawer')).toBeHidden();
    await expect(page.getByTestId('side-toggle-layers')).toBeFocused();
  });

  await noSidewaysScroll(page);
  for (const id of ['export-button', 'submit-review', 'share-button']) await whole(page, id, 1024);
});

test('at 1280×800 a reviewer keeps a canvas: checks and comments take turns, title and Export stay whole', async ({ browser }) => {
  const agent = await loggedIn(browser, AGENT_A);
  const created = await agent.context.request.post('/api/designs', {
    headers: H,
    data: { title: '410 Harbor View Terrace open house', templateId: 'listing-flyer' },
  });
  const { id } = (await created.json()) as { id: string };
  expect((await agent.context.request.post(`/api/designs/${id}/submit`, { headers: H, data: {} })).ok()).toBe(true);
  await agent.context.close();

  const manager = await loggedIn(browser, BRAND_MANAGER);
  const page = manager.page;
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/designs/${id}?review=1`);
    await expect(page.getByTestId('connection-status')).toHaveText(/Connected|Live/);
    await expect(page.locator('.canvas-loading')).toHaveCount(0);
    // The panels sit beside the canvas at this width: no rail, both properties and layers shown.
    await expect(page.getByTestId('side-rail')).toHaveCount(0);
    await expect(page.getByRole('complementary', { name: 'Properties and layers' }).locator('.side-scroll')).toBeVisible();
    await expect(page.getByTestId('layers')).toBeVisible();

    await page.getByTestId('score-compliance').click();
    await expect(page.getByTestId('insights')).toHaveClass(/open/);
    expect(await canvasWidth(page)).toBeGreaterThan(500);

    await page.getByTestId('comments-toggle').or(page.getByTestId('toolbar-more')).first().click();
    if (await page.getByTestId('toolbar-overflow').isVisible())
      await page.getByTestId('toolbar-overflow').getByTestId('comments-toggle').click();
    await expect(page.getByTestId('workflow-drawer')).toHaveClass(/open/);
    await expect(page.getByTestId('insights')).not.toHaveClass(/open/);
    expect(await canvasWidth(page)).toBeGreaterThan(500);

    const title = page.getByTestId('design-title');
    expect((await title.boundingBox())!.width, 'the title is more than a few letters').toBeGreaterThanOrEqual(140);
    for (const action of ['export-button', 'approve', 'request-changes']) await whole(page, action, 1280);
    await noSidewaysScroll(page);
    await page.screenshot({ path: 'test-results/screens/editor-1280-review-comments.png' });
  } finally {
    await manager.context.close();
  }
});
