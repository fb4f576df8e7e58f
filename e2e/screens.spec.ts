/**
 * Every screen at every size, as each role: 1280×800, 1440×900 and a 390×844 phone. Each page must
 * fit without horizontal scrolling, show its primary actions (Export, Submit, Share, Approve) or
 * keep them in the toolbar's overflow menu, and have no serious or critical axe violations.
 * Screenshots go to test-results/screens/ for a person to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { AGENT_A, BRAND_MANAGER, expect, loggedIn, test } from './fixtures.js';

const ADMIN = 'admin@demo.realbrand.test';
const H = { 'X-Requested-With': 'e2e' };
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;
const ROLES = [
  { role: 'agent', email: AGENT_A },
  { role: 'brand_manager', email: BRAND_MANAGER },
  { role: 'admin', email: ADMIN },
] as const;
const SHOTS = 'test-results/screens';

interface Screen {
  name: string;
  path: string;
  /** Test ids of actions that must be visible or in the overflow menu. */
  primary?: string[];
}

function screensFor(role: string, ids: { own: string; inReview: string }): Screen[] {
  const common: Screen[] = [
    { name: 'designs', path: '/designs' },
    { name: 'listings', path: '/listings' },
    { name: 'brandguide', path: '/brandguide' },
    { name: 'brand-kit', path: '/brand-kit' },
    { name: 'inbox', path: '/inbox' },
    { name: 'profile', path: '/profile' },
    { name: 'security', path: '/account/security' },
    { name: 'editor', path: `/designs/${ids.own}`, primary: ['export-button', 'submit-review', 'share-button'] },
  ];
  if (role === 'agent') return common;
  const managers: Screen[] = [
    { name: 'compliance', path: '/compliance' },
    { name: 'reviews', path: '/reviews' },
    { name: 'dashboard', path: '/admin' },
    { name: 'review', path: `/designs/${ids.inReview}?review=1`, primary: ['approve', 'request-changes', 'export-button'] },
  ];
  const admins: Screen[] = [
    { name: 'people', path: '/admin/people' },
    { name: 'audit', path: '/admin/audit' },
    { name: 'sso', path: '/admin/sso' },
  ];
  return role === 'admin' ? [...common, ...managers, ...admins] : [...common, ...managers];
}

async function settled(page: Page, screen: Screen): Promise<void> {
  if (screen.path.startsWith('/designs/')) {
    await expect(page.getByTestId('connection-status')).toHaveText(/Connected|Live/);
    await expect(page.locator('.canvas-loading')).toHaveCount(0);
  } else {
    await expect(page.locator('main').first()).toBeVisible();
  }
  await expect(page.locator('.page-loading, .spinner')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
}

/** Widest thing on the page beyond the viewport, for the failure message. */
function overflow(page: Page): Promise<{ scroll: number; client: number; culprits: string[] }> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const culprits: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.right > doc.clientWidth + 1 && r.width > 0 && getComputedStyle(el).position !== 'fixed') {
        culprits.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 2).join('.')} → ${Math.round(r.right)}`);
        if (culprits.length >= 6) break;
      }
    }
    return { scroll: Math.max(doc.scrollWidth, document.body.scrollWidth), client: doc.clientWidth, culprits };
  });
}

/** An action is on screen, or one click away in the toolbar's overflow menu. */
/** Whole inside the viewport: a button cut off at the window's edge ("Subm") is not one a person can use. */
async function onScreen(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).first().boundingBox();
  const view = page.viewportSize();
  return !!box && !!view && box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width + 0.5 && box.y + box.height <= view.height + 0.5;
}

async function reachable(page: Page, testId: string): Promise<boolean> {
  const el = page.getByTestId(testId).first();
  // Review actions appear once the design's status has loaded: give the page a moment, not an instant.
  if (
    await el.waitFor({ state: 'visible', timeout: 3_000 }).then(
      () => true,
      () => false,
    )
  )
    return onScreen(page, testId);
  const more = page.getByTestId('toolbar-more');
  if (!(await more.isVisible())) return false;
  await more.click();
  const shown = await el.isVisible();
  await page.keyboard.press('Escape');
  return shown;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

let ids: { own: Record<string, string>; inReview: string };

test.beforeAll(async ({ browser }) => {
  const own: Record<string, string> = {};
  for (const { role, email } of ROLES) {
    const who = await loggedIn(browser, email);
    const res = await who.context.request.post('/api/designs', {
      headers: H,
      data: { title: `Screens ${role} flyer`, templateId: 'listing-flyer' },
    });
    own[role] = ((await res.json()) as { id: string }).id;
    await who.context.close();
  }
  const agent = await loggedIn(browser, AGENT_A);
  const res = await agent.context.request.post('/api/designs', {
    headers: H,
    data: { title: 'Screens review flyer', templateId: 'listing-flyer' },
  });
  const inReview = ((await res.json()) as { id: string }).id;
  expect((await agent.context.request.post(`/api/designs/${inReview}/submit`, { headers: H, data: {} })).ok()).toBe(true);
  await agent.context.close();
  ids = { own, inReview };
});

const SIGNED_OUT = [
  { name: 'login', path: '/login', heading: /log in/i },
  { name: 'forgot-password', path: '/forgot-password', heading: /password/i },
] as const;

test('the signed-out pages (log-in, forgotten password) fit every size and pass axe', async ({ browser }) => {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    for (const screen of SIGNED_OUT) {
      await page.goto(screen.path);
      await expect(
        page
          .getByRole('heading', { name: screen.heading })
          .or(page.getByRole('button', { name: screen.heading }))
          .first(),
      ).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/${screen.name}-${viewport.width}x${viewport.height}.png` });
      const o = await overflow(page);
      expect.soft(o.scroll, `${screen.name} at ${viewport.width}px: ${o.culprits.join(', ')}`).toBeLessThanOrEqual(o.client);
      expect.soft(await seriousViolations(page), `${screen.name} at ${viewport.width}px`).toEqual([]);
    }
    await context.close();
  }
});

for (const { role, email } of ROLES) {
  for (const viewport of VIEWPORTS) {
    test(`${role} at ${viewport.width}×${viewport.height}: every page fits, keeps its primary actions and passes axe`, async ({
      browser,
    }) => {
      test.setTimeout(240_000);
      const who = await loggedIn(browser, email);
      await who.page.setViewportSize(viewport);
      const page = who.page;
      try {
        for (const screen of screensFor(role, { own: ids.own[role]!, inReview: ids.inReview })) {
          await test.step(screen.name, async () => {
            await page.goto(screen.path);
            await settled(page, screen);
            await page.screenshot({ path: `${SHOTS}/${role}-${viewport.width}x${viewport.height}-${screen.name}.png` });
            const o = await overflow(page);
            expect.soft(o.scroll, `${screen.name}: horizontal scroll (${o.culprits.join(', ')})`).toBeLessThanOrEqual(o.client);
            for (const action of screen.primary ?? [])
              expect.soft(await reachable(page, action), `${screen.name}: ${action} reachable`).toBe(true);
            expect.soft(await seriousViolations(page), `${screen.name}: axe`).toEqual([]);
          });
        }
      } finally {
        await who.context.close();
      }
    });
  }
}
