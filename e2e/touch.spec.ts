/**
 * Touch screens: two fingers pinch-zoom around their centre and pan the canvas;
 * one finger still selects and drags objects (fabric's own handling).
 * Touches are sent through CDP (Input.dispatchTouchEvent), as a touch screen would.
 */
import type { CDPSession, Page } from '@playwright/test';
import { AGENT_A, PASSWORD, expect, model, openEditor, test, toScreen } from './fixtures.js';

type Finger = { x: number; y: number; id: number };

async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', fingers: Finger[]): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: fingers.map((f) => ({ x: f.x, y: f.y, id: f.id })) });
}

const designJson = (page: Page) =>
  page.evaluate(() => JSON.stringify(Object.entries((window as any).__realbrand.doc.getMap('objects').toJSON()).sort()));
const vpt = (page: Page) => page.evaluate(() => [...(window as any).__realbrand.canvas.viewportTransform] as number[]);

test.describe('touch', () => {
  test('two-finger pinch zooms around the pinch centre and pans; one finger drags an object', async ({ browser, designId }) => {
    const context = await browser.newContext({ hasTouch: true });
    const res = await context.request.post('/api/auth/login', { data: { email: AGENT_A, password: PASSWORD } });
    expect(res.ok()).toBeTruthy();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await openEditor(page, designId);
    const fitted = await vpt(page);

    // One finger still belongs to fabric: it drags the strip down, and does not zoom.
    const strip = (await model(page, 'strip'))!;
    const from = await toScreen(page, 790, strip.y + strip.height / 2);
    await touch(cdp, 'touchStart', [{ x: from.x, y: from.y, id: 5 }]);
    for (let i = 1; i <= 6; i++) await touch(cdp, 'touchMove', [{ x: from.x, y: from.y + i * 10, id: 5 }]);
    await touch(cdp, 'touchEnd', []);
    await expect.poll(async () => (await model(page, 'strip'))!.y).toBeGreaterThan(strip.y + 20);
    expect(await vpt(page)).toEqual(fitted);

    // Pinch out: 100 px apart → 200 px apart.
    const design = await designJson(page);
    const before = await vpt(page);
    const centre = await toScreen(page, 408, 700);
    const box = (await page.getByTestId('canvas-host').boundingBox())!;
    const local = { x: centre.x - box.x, y: centre.y - box.y };
    const spot = { x: (local.x - before[4]!) / before[0]!, y: (local.y - before[5]!) / before[3]! };
    await touch(cdp, 'touchStart', [{ x: centre.x - 50, y: centre.y, id: 1 }]);
    await touch(cdp, 'touchStart', [
      { x: centre.x - 50, y: centre.y, id: 1 },
      { x: centre.x + 50, y: centre.y, id: 2 },
    ]);
    for (let i = 1; i <= 5; i++) {
      await touch(cdp, 'touchMove', [
        { x: centre.x - 50 - i * 10, y: centre.y, id: 1 },
        { x: centre.x + 50 + i * 10, y: centre.y, id: 2 },
      ]);
    }
    await touch(cdp, 'touchEnd', []);
    const zoomed = await vpt(page);
    expect(zoomed[0]).toBeCloseTo(before[0]! * 2, 2);
    // The design point under the pinch centre stayed under it.
    expect(zoomed[4]! + spot.x * zoomed[0]!).toBeCloseTo(local.x, 0);
    expect(zoomed[5]! + spot.y * zoomed[3]!).toBeCloseTo(local.y, 0);
    await expect(page.getByTestId('zoom-value')).toContainText(`${Math.round(zoomed[0]! * 100)}`);
    // The fingers changed the view, not the design.
    expect(await designJson(page)).toEqual(design);

    // Two fingers moving together pan without zooming.
    await touch(cdp, 'touchStart', [
      { x: 400, y: 400, id: 3 },
      { x: 500, y: 400, id: 4 },
    ]);
    await touch(cdp, 'touchMove', [
      { x: 430, y: 360, id: 3 },
      { x: 530, y: 360, id: 4 },
    ]);
    await touch(cdp, 'touchMove', [
      { x: 460, y: 320, id: 3 },
      { x: 560, y: 320, id: 4 },
    ]);
    await touch(cdp, 'touchEnd', []);
    const panned = await vpt(page);
    expect(panned[0]).toBeCloseTo(zoomed[0]!, 5);
    expect(panned[4]! - zoomed[4]!).toBeCloseTo(60, 0);
    expect(panned[5]! - zoomed[5]!).toBeCloseTo(-80, 0);

    await context.close();
  });
});
