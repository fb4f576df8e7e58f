/**
 * The review workflow end to end, across three people: an agent submits a
 * flyer; the brand manager, whose review queue is already open, sees it
 * arrive live, opens it read-only, pins a comment to the headline and
 * requests changes; the agent gets the request at once (banner, pinned
 * comment that follows the headline), fixes the headline and resubmits; the
 * manager approves; the admin dashboard then shows the flyer, the approval
 * and its turnaround (analytics arrive through the event backbone, so the
 * dashboard is reloaded until they do).
 */
import type { Browser, Page } from '@playwright/test';
import { expect, model, openEditor, PASSWORD, test, toScreen, type Agent } from './fixtures.js';

const BRAND = 'brand@demo.realbrand.test';
const ADMIN = 'admin@demo.realbrand.test';
const H = { 'X-Requested-With': 'e2e' };
const HEADLINE = 'status'; // the listing-flyer template's headline ("FOR SALE", role headline)

async function logIn(browser: Browser, email: string): Promise<Agent> {
  const context = await browser.newContext();
  const res = await context.request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(res.ok(), `log-in as ${email}`).toBeTruthy();
  return { context, page: await context.newPage(), email };
}

const status = (page: Page) => page.getByTestId('design-status');

async function metrics(admin: Agent): Promise<{ listingsGenerated: number; approvals: number }> {
  const day = new Date().toISOString().slice(0, 10);
  const res = await admin.context.request.get(`/api/admin/metrics?from=${day}&to=${day}`);
  expect(res.ok()).toBeTruthy();
  return res.json();
}

/** Screen position of a pin's point (its bubble's bottom-left corner). */
async function pinAnchor(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('comment-pin').first().boundingBox())!;
  return { x: box.x, y: box.y + box.height };
}

test('agent submits, manager comments on the headline and requests changes, agent fixes and resubmits, manager approves, dashboard counts it', async ({
  browser,
  agentA,
}) => {
  test.setTimeout(240_000);
  const A = agentA.page;
  const brand = await logIn(browser, BRAND);
  const admin = await logIn(browser, ADMIN);
  const B = brand.page;
  const before = await metrics(admin);
  const title = `Review flyer ${Date.now()}`;
  let designId = '';

  try {
    await test.step('the brand manager has the review queue open', async () => {
      await B.goto('/reviews');
      await expect(B.getByRole('heading', { name: 'Review queue' })).toBeVisible();
      await expect(B.getByTestId('queue-item').filter({ hasText: title })).toHaveCount(0);
    });

    await test.step('the agent creates a flyer and submits it for review with a note', async () => {
      const res = await agentA.context.request.post('/api/designs', { headers: H, data: { title, templateId: 'listing-flyer' } });
      expect(res.status()).toBe(201);
      designId = ((await res.json()) as { id: string }).id;
      await openEditor(A, designId);
      await expect(status(A)).toHaveAttribute('data-status', 'draft');
      await A.getByTestId('submit-review').click();
      await A.getByTestId('submit-comment').fill('New listing, ready for a look');
      await A.getByTestId('submit-confirm').click();
      await expect(status(A)).toHaveAttribute('data-status', 'in_review');
      await expect(A.getByTestId('submit-review')).toHaveCount(0);
    });

    await test.step('it appears in the open queue live, and opens read-only for review', async () => {
      const item = B.getByTestId('queue-item').filter({ hasText: title });
      await expect(item).toBeVisible();
      await item.getByRole('link', { name: 'Review', exact: true }).click();
      await expect(B).toHaveURL(new RegExp(`/designs/${designId}\\?review=1`));
      // The same page again with the test hook, to read the canvas state.
      await B.goto(`/designs/${designId}?review=1&e2e`);
      await expect(B.getByTestId('connection-status')).toHaveText(/Connected|Live/);
      await expect(B.locator('.canvas-loading')).toHaveCount(0);
      await expect(B.getByTestId('review-bar')).toContainText('submitted this for review');
      await expect(B.getByTestId('review-bar')).toContainText('New listing, ready for a look');
      await expect(status(B)).toHaveAttribute('data-status', 'in_review');
      expect(await B.evaluate(() => (window as any).__realbrand.editor.canEdit)).toBe(false);
      await expect(B.getByTestId('comments-panel')).toBeVisible();
    });

    await test.step('the manager pins a comment to the headline and requests changes', async () => {
      const h = (await model(B, HEADLINE))!;
      await B.getByTestId('add-comment').click();
      const at = await toScreen(B, h.x + h.width / 2, h.y + h.height / 2);
      await expect(B.getByTestId('comment-capture')).toBeVisible();
      await B.mouse.click(at.x, at.y);
      await expect(B.getByTestId('comment-draft')).toContainText('Headline');
      await B.getByTestId('comment-input').fill('Please say JUST LISTED here');
      await B.getByTestId('comment-submit').click();
      await expect(B.locator(`[data-testid="comment-pin"][data-object-id="${HEADLINE}"]`)).toBeVisible();
      await expect(B.getByTestId('comment-thread')).toContainText('Please say JUST LISTED here');

      await B.getByTestId('request-changes').click();
      await expect(B.getByTestId('request_changes-confirm')).toBeDisabled(); // a comment is required
      await B.getByTestId('request_changes-comment').fill('Headline must read JUST LISTED, see my comment.');
      await B.getByTestId('request_changes-confirm').click();
      await expect(status(B)).toHaveAttribute('data-status', 'changes_requested');
    });

    await test.step('the agent sees the request and the pinned comment at once', async () => {
      await expect(status(A)).toHaveAttribute('data-status', 'changes_requested');
      const banner = A.getByTestId('changes-requested-banner');
      await expect(banner).toContainText('Changes requested by');
      await expect(banner).toContainText('Headline must read JUST LISTED, see my comment.');
      const pin = A.locator(`[data-testid="comment-pin"][data-object-id="${HEADLINE}"]`);
      await expect(pin).toBeVisible();
      const inbox = await agentA.context.request.get('/api/notifications');
      const { notifications } = (await inbox.json()) as { notifications: Array<{ kind: string; designId: string; body: string | null }> };
      expect(notifications.some((n) => n.kind === 'changes_requested' && n.designId === designId && n.body?.includes('JUST LISTED'))).toBe(
        true,
      );

      await pin.click();
      await expect(A.getByTestId('comment-thread').filter({ hasText: 'Please say JUST LISTED here' })).toHaveClass(/active/);
    });

    await test.step('the pin follows the headline when it moves', async () => {
      const res = await agentA.context.request.get(`/api/designs/${designId}/comments`);
      const pinned = ((await res.json()) as { comments: Array<{ objectId: string | null; x: number; y: number }> }).comments.find(
        (c) => c.objectId === HEADLINE,
      )!;
      const h = (await model(A, HEADLINE))!;
      /** Distance in screen pixels between the pin and where it belongs for a headline at x. */
      const offBy = async (x: number) => {
        const want = await toScreen(A, x + pinned.x, h.y + pinned.y);
        const got = await pinAnchor(A);
        return Math.round(Math.hypot(want.x - got.x, want.y - got.y));
      };
      // The drawer just opened and the canvas re-fits: the pin settles on the next render.
      await expect.poll(() => offBy(h.x)).toBeLessThanOrEqual(2);
      await A.evaluate(([id, x]) => (window as any).__realbrand.editor.setProps([id], { x }), [HEADLINE, h.x - 120] as const);
      await expect.poll(() => offBy(h.x - 120)).toBeLessThanOrEqual(2);
      await A.evaluate(([id, x]) => (window as any).__realbrand.editor.setProps([id], { x }), [HEADLINE, h.x] as const);
      await expect.poll(() => offBy(h.x)).toBeLessThanOrEqual(2);
    });

    await test.step('the agent fixes the headline and resubmits', async () => {
      const h = (await model(A, HEADLINE))!;
      await A.getByTestId('comments-toggle').click(); // close the drawer; the pin stays clickable but the text is under it
      // The drawer's width animates to 0 (and the canvas re-fits as it does): wait for the end of that
      // first, or two equal readings taken before the animation starts would pass for "stopped".
      await expect.poll(async () => (await A.getByTestId('workflow-drawer').boundingBox())?.width ?? 0).toBeLessThanOrEqual(1); // its border
      // Then double-click the headline where it is now; the canvas may still be re-fitting to the
      // freed width (then the click lands on whatever moved under it), so read again and retry.
      await expect(async () => {
        const at = await toScreen(A, h.x + h.width - 20, h.y + h.height / 2);
        await A.mouse.dblclick(at.x, at.y);
        await expect
          .poll(() => A.evaluate(() => (window as any).__realbrand.editor.binding.isEditingText()), { timeout: 2_000 })
          .toBe(true);
      }).toPass({ timeout: 20_000 });
      await A.keyboard.press('Control+A');
      await A.keyboard.type('JUST LISTED');
      await A.keyboard.press('Escape');
      await expect.poll(async () => (await model(A, HEADLINE))!.text).toBe('JUST LISTED');
      await expect(A.getByTestId('status')).toHaveAttribute('data-save', 'saved');

      await A.getByTestId('submit-review').click();
      await A.getByTestId('submit-comment').fill('Fixed the headline');
      await A.getByTestId('submit-confirm').click();
      await expect(status(A)).toHaveAttribute('data-status', 'in_review');
      await expect(A.getByTestId('changes-requested-banner')).toHaveCount(0);
    });

    await test.step('the manager sees it back in review live and approves', async () => {
      await expect(status(B)).toHaveAttribute('data-status', 'in_review');
      await expect.poll(async () => (await model(B, HEADLINE))!.text).toBe('JUST LISTED');
      await B.getByTestId('approve').click();
      await B.getByTestId('approve-confirm').click();
      await expect(status(B)).toHaveAttribute('data-status', 'approved');
      await expect(status(A)).toHaveAttribute('data-status', 'approved');
      // The server checks edits a moment (1.5 s) after they arrive: the agent's last edits, made
      // before the approval, and what its editor derives from them must not revoke it then.
      await A.waitForTimeout(2_500);
      await expect(status(A)).toHaveAttribute('data-status', 'approved');
      expect(((await (await agentA.context.request.get(`/api/designs/${designId}`)).json()) as { status: string }).status).toBe('approved');
    });

    await test.step('the admin dashboard shows the flyer, the approval and its turnaround', async () => {
      const P = admin.page;
      await P.goto('/admin');
      const listings = P.getByTestId('kpi-listings').locator('.kpi-value');
      const approvals = P.getByTestId('kpi-approvals');
      await expect(async () => {
        await P.reload();
        expect(Number(await listings.textContent({ timeout: 5_000 }))).toBeGreaterThan(before.listingsGenerated);
        expect(Number(await approvals.locator('.kpi-value').textContent({ timeout: 5_000 }))).toBeGreaterThan(before.approvals);
      }).toPass({ timeout: 60_000, intervals: [500, 1_000, 2_000] });
      await expect(approvals.locator('.kpi-hint')).toHaveText(/avg turnaround \d/);
      await expect(P.getByText('Approvals and turnaround')).toBeVisible();
    });
  } finally {
    await brand.context.close();
    await admin.context.close();
  }
});
