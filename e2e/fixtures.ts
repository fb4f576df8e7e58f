/**
 * Fixtures: logged-in pages for the two demo agents, a fresh design made from
 * the listing-flyer template, and helpers that read editor state through the
 * `?e2e` test hook (`window.__realbrand`). Tests drive the real UI.
 */
import { inflateSync } from 'node:zlib';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const PASSWORD = 'realbrand-demo';
export const AGENT_A = 'agent@demo.realbrand.test';
export const AGENT_B = 'agent2@demo.realbrand.test';
export const BRAND_MANAGER = 'brand@demo.realbrand.test';

export interface Agent {
  page: Page;
  context: BrowserContext;
  email: string;
}

export async function loggedIn(browser: Browser, email: string): Promise<Agent> {
  const context = await browser.newContext();
  const res = await context.request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(res.ok(), `log-in as ${email}`).toBeTruthy();
  const page = await context.newPage();
  return { page, context, email };
}

type Fixtures = {
  agentA: Agent;
  agentB: Agent;
  /** A new design made by agent A from the listing-flyer template. */
  designId: string;
};

type WorkerFixtures = {
  /** Uncaught errors of every page this worker's tests opened (cleared before each test). */
  pageErrors: string[];
};

export const test = base.extend<Fixtures & { noPageErrors: void }, WorkerFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this destructuring
  pageErrors: [async ({}, use) => use([]), { scope: 'worker' }],
  // Every context a test makes reports its pages' uncaught errors (tests make their own contexts).
  browser: [
    async ({ browser, pageErrors }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        context.on('page', (page) => {
          page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.stack ?? err.message}`));
          // A script or request the page's Content-Security-Policy refused is only logged, not thrown.
          page.on('console', (msg) => {
            if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) pageErrors.push(`${page.url()}: ${msg.text()}`);
          });
        });
        return context;
      };
      await use(browser);
    },
    { scope: 'worker' },
  ],
  // A test that passed while a page threw has still found a bug.
  noPageErrors: [
    async ({ pageErrors }, use) => {
      pageErrors.length = 0;
      await use();
      expect(pageErrors, 'uncaught errors in the pages').toEqual([]);
    },
    { auto: true },
  ],
  agentA: async ({ browser }, use) => {
    const a = await loggedIn(browser, AGENT_A);
    await use(a);
    await a.context.close();
  },
  agentB: async ({ browser }, use) => {
    const b = await loggedIn(browser, AGENT_B);
    await use(b);
    await b.context.close().catch(() => {});
  },
  designId: async ({ agentA }, use) => {
    const res = await agentA.context.request.post('/api/designs', {
      headers: { 'X-Requested-With': 'e2e' },
      data: { title: `E2E flyer ${Date.now()}`, templateId: 'listing-flyer' },
    });
    expect(res.status()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await use(id);
  },
});

export { expect };

/** Opens the editor with the test hook and waits until the design is on screen and synced. */
export async function openEditor(page: Page, designId: string): Promise<void> {
  await page.goto(`/designs/${designId}?e2e`);
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
  await expect(page.locator('.canvas-loading')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => (window as any).__realbrand?.doc.getMap('objects').size ?? 0)).toBeGreaterThan(5);
  // The early-start script ran (the page's CSP allows it) and started the editor's requests.
  expect(await page.evaluate(() => performance.getEntriesByName('realbrand:early-start').length), 'early-start script ran').toBe(1);
}

/** One object's model properties as this client sees them. */
export function model(page: Page, id: string): Promise<Record<string, any> | null> {
  return page.evaluate((oid) => {
    const m = (window as any).__realbrand.doc.getMap('objects').get(oid);
    return m ? m.toJSON() : null;
  }, id);
}

/** Ids of objects whose text contains `needle`. */
export function findText(page: Page, needle: string): Promise<string[]> {
  return page.evaluate((n) => {
    const out: string[] = [];
    (window as any).__realbrand.doc.getMap('objects').forEach((m: any, id: string) => {
      if (typeof m.get('text') === 'string' && m.get('text').includes(n)) out.push(id);
    });
    return out;
  }, needle);
}

/** Page (viewport) coordinates of a point given in design coordinates. */
export async function toScreen(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const vpt = await page.evaluate(() => (window as any).__realbrand.canvas.viewportTransform as number[]);
  const box = (await page.getByTestId('canvas-host').boundingBox())!;
  return { x: box.x + vpt[4] + x * vpt[0], y: box.y + vpt[5] + y * vpt[3] };
}

/** Drags from one design point to another with intermediate mouse moves (so streaming and snapping run). */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const a = await toScreen(page, from.x, from.y);
  const b = await toScreen(page, to.x, to.y);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + (b.x - a.x) * 0.3, a.y + (b.y - a.y) * 0.3, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 10 });
  await page.mouse.up();
}

export async function clickDesign(page: Page, x: number, y: number): Promise<void> {
  const p = await toScreen(page, x, y);
  await page.mouse.click(p.x, p.y);
}

/** Selected object ids in this client. */
export function selection(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as any).__realbrand.editor.binding.selectedIds());
}

/** A PDF's content streams, inflated where compressed, as one string (to look for drawn text). */
export function pdfStreams(pdf: Buffer): string {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    let body = start + 'stream'.length;
    if (pdf[body] === 0x0d) body++;
    if (pdf[body] === 0x0a) body++;
    const end = pdf.indexOf('endstream', body, 'latin1');
    if (end < 0) break;
    const raw = pdf.subarray(body, end);
    try {
      out.push(inflateSync(raw).toString('latin1'));
    } catch {
      out.push(raw.toString('latin1'));
    }
    at = end + 'endstream'.length;
  }
  return out.join('\n');
}
