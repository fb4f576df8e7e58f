/**
 * A brand manager reviews from a 390×844 phone: the review queue with thumbnails and scores that
 * stay inside their cards, a design's review with a preview that can take the whole screen, the
 * author's note, a comment posted with Enter, changes requested, and after the agent's
 * resubmission an approval — without sideways scrolling, every button on screen.
 */
import type { Locator, Page } from '@playwright/test';
import { AGENT_A, BRAND_MANAGER, expect, loggedIn, test } from './fixtures.js';

const H = { 'X-Requested-With': 'e2e' };
const PHONE = { width: 390, height: 844 };
const NOTE = 'Open house on Saturday, please look today';

async function fitsTheScreen(page: Page): Promise<void> {
  const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(w.scroll, 'no sideways scrolling').toBeLessThanOrEqual(w.client);
}

async function onScreen(el: Locator): Promise<void> {
  await expect(el).toBeVisible();
  const box = (await el.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
}

test('a brand manager reviews on a phone: queue, preview, note, comment, request changes, approve', async ({ browser }) => {
  test.setTimeout(150_000);
  const agent = await loggedIn(browser, AGENT_A);
  const manager = await loggedIn(browser, BRAND_MANAGER);
  try {
    const created = await agent.context.request.post('/api/designs', {
      headers: H,
      data: { title: `Phone review ${Date.now()}`, templateId: 'listing-flyer' },
    });
    const { id } = (await created.json()) as { id: string };
    expect((await agent.context.request.post(`/api/designs/${id}/submit`, { headers: H, data: { comment: NOTE } })).ok()).toBe(true);

    const page = manager.page;
    await page.setViewportSize(PHONE);

    await test.step('the queue: a thumbnail, and the scores inside their rings and the card', async () => {
      // Straight to the queue: no editor visited before that would have brought the rings' styles.
      await page.goto('/reviews');
      const item = page.getByTestId('queue-item').filter({ has: page.locator(`a[href="/designs/${id}?review=1"]`) });
      await expect(item).toBeVisible();
      await expect.poll(() => item.locator('.queue-thumb img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      const card = (await item.boundingBox())!;
      for (const ring of await item.locator('.score-ring').all()) {
        const r = (await ring.boundingBox())!;
        const value = (await ring.locator('.score-ring-value').boundingBox())!;
        expect(value.y, 'the score is inside its ring').toBeGreaterThanOrEqual(r.y - 1);
        expect(value.y + value.height, 'the score is inside its ring').toBeLessThanOrEqual(r.y + r.height + 1);
        expect(r.y + r.height, 'the ring is inside the card').toBeLessThanOrEqual(card.y + card.height);
      }
      await fitsTheScreen(page);
      await page.screenshot({ path: 'test-results/screens/phone-review-queue.png' });
      await item.getByRole('link', { name: 'Review', exact: true }).click();
    });

    const review = page.getByTestId('phone-review');
    await test.step('the review: preview, who sent it with their note, scores, comments; the decision in reach', async () => {
      await expect(review).toBeVisible();
      await expect(page.getByTestId('connection-status')).toHaveText(/Connected|Live/);
      await expect(review).toContainText(NOTE);
      await expect(review).toContainText('Sam Carter');
      await expect(review.locator('.score-ring').first()).toHaveAttribute('data-score', /\d+/);
      const preview = (await page.getByTestId('canvas-host').boundingBox())!;
      expect(preview.width).toBeGreaterThan(350);
      expect(preview.height).toBeGreaterThan(340);
      await onScreen(page.getByTestId('approve'));
      await onScreen(page.getByTestId('request-changes'));
      await fitsTheScreen(page);
      await page.screenshot({ path: 'test-results/screens/phone-review.png' });
    });

    await test.step('the preview takes the whole screen, and gives it back', async () => {
      await page.getByTestId('preview-enlarge').click();
      await expect(review).toBeHidden();
      await expect.poll(async () => (await page.getByTestId('canvas-host').boundingBox())!.height).toBeGreaterThan(650);
      await page.screenshot({ path: 'test-results/screens/phone-review-preview.png' });
      await page.getByTestId('preview-close').click();
      await expect(review).toBeVisible();
    });

    await test.step('a comment, sent with Enter', async () => {
      const input = review.getByTestId('general-comment-input');
      await input.scrollIntoViewIfNeeded();
      await input.fill('The price looks great on a phone too');
      await input.press('Enter');
      await expect(review.getByTestId('threads')).toContainText('The price looks great on a phone too');
      await fitsTheScreen(page);
    });

    await test.step('request changes', async () => {
      await page.getByTestId('request-changes').click();
      const note = page.getByTestId('request_changes-comment');
      await onScreen(note);
      await note.fill('Please add the open house time.');
      await onScreen(page.getByTestId('request_changes-confirm'));
      await page.getByTestId('request_changes-confirm').click();
      await expect(review.getByTestId('design-status')).toHaveAttribute('data-status', 'changes_requested');
    });

    await test.step('after the resubmission, approve', async () => {
      expect((await agent.context.request.post(`/api/designs/${id}/submit`, { headers: H, data: {} })).ok()).toBe(true);
      await page.reload();
      await expect(review.getByTestId('design-status')).toHaveAttribute('data-status', 'in_review');
      await page.getByTestId('approve').click();
      await onScreen(page.getByTestId('approve-confirm'));
      await page.getByTestId('approve-confirm').click();
      await expect(review.getByTestId('design-status')).toHaveAttribute('data-status', 'approved');
      await fitsTheScreen(page);
      await page.screenshot({ path: 'test-results/screens/phone-review-approved.png' });
    });
  } finally {
    await agent.context.close();
    await manager.context.close();
  }
});
