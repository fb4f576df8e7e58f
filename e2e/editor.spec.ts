import { pdfFonts, pdfText } from '../server/test-support/poppler.js';
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import {
  AGENT_A,
  AGENT_B,
  BRAND_MANAGER,
  PASSWORD,
  loggedIn,
  clickDesign,
  drag,
  expect,
  findText,
  model,
  openEditor,
  pdfStreams,
  selection,
  test,
  toScreen,
} from './fixtures.js';

test.describe('app shell', () => {
  test('a logged-out visitor logs in and is sent back to where they were going', async ({ page }) => {
    await page.goto('/designs?from=e2e');
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.getByLabel('Email').fill(AGENT_A);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).toHaveURL(/\/designs\?from=e2e$/);
    await expect(page.getByRole('heading', { name: 'My designs' })).toBeVisible();
  });

  test('an agent creates a design from a template with the thumbnail picker', async ({ agentA }) => {
    const { page } = agentA;
    await page.goto('/designs');
    await page.getByTestId('new-design').click();
    const card = page.locator('[data-template-id="listing-flyer"]');
    await expect(card.locator('img.design-thumb')).toBeVisible();
    await card.click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Picker flyer');
    await page.getByRole('button', { name: 'Create design' }).click();
    await expect(page).toHaveURL(/\/designs\/[^/?]+$/);
    await expect(page.getByTestId('design-title')).toHaveText('Picker flyer');
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
    await expect(page.getByTestId('layer')).not.toHaveCount(0);
  });

  test('opening a design draws it from the server copy before the socket has synced', async ({ agentA, designId }) => {
    const { page } = agentA;
    // A socket that opens but never answers: whatever is drawn came with the page's own requests.
    await page.routeWebSocket(/\/collab\//, () => undefined);
    await page.goto(`/designs/${designId}?e2e`);
    // The editor exists (before it mounts there is no loading overlay to wait for either), and has drawn.
    await expect.poll(() => page.evaluate(() => Boolean((window as any).__realbrand))).toBe(true);
    await expect(page.locator('.canvas-loading')).toHaveCount(0);
    const shown = await page.evaluate(() => {
      const rb = (window as any).__realbrand;
      return { drawn: rb.canvas.getObjects().length - 1, inDoc: rb.doc.getMap('objects').size, synced: rb.editor.session.status.synced };
    });
    expect(shown.synced).toBe(false);
    expect(shown.inDoc).toBeGreaterThan(5);
    expect(shown.drawn).toBe(shown.inDoc);
    await expect(page.getByTestId('design-title')).toHaveText(/E2E flyer/);
  });

  test('the editor keeps working when the panels loaded after the first frame cannot be fetched', async ({ agentA, designId }) => {
    const { page } = agentA;
    // As after a deploy that replaced the chunk: its request fails.
    let asked = false;
    await page.route(/\/assets\/editor-later-parts-[^/]+\.js$/, (route) => ((asked = true), route.abort()));
    await page.goto(`/designs/${designId}?e2e`);
    await expect(page.getByTestId('connection-status')).toHaveText('Connected');
    await expect.poll(() => asked).toBe(true);
    // The canvas, the top bar and the side panel are still there and in use.
    await expect(page.getByTestId('layers')).toBeVisible();
    const before = (await model(page, 'status'))!.x as number; // the "FOR SALE" headline
    await page.getByTestId('layer').filter({ hasText: 'Headline' }).click();
    await expect(page.getByTestId('properties')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => model(page, 'status').then((m) => m?.x)).toBe(before + 1);
    await expect(page.getByTestId('insights')).toHaveCount(0);
  });
});

/** A shares the design with B (edit), and both open it. */
async function bothEditing(
  agentA: { page: Page; context: BrowserContext },
  agentB: { page: Page },
  designId: string,
): Promise<{ A: Page; B: Page }> {
  const res = await agentA.context.request.post(`/api/designs/${designId}/shares`, {
    headers: { 'X-Requested-With': 'e2e' },
    data: { email: AGENT_B, access: 'edit' },
  });
  expect(res.status()).toBe(201);
  await openEditor(agentA.page, designId);
  await openEditor(agentB.page, designId);
  return { A: agentA.page, B: agentB.page };
}

test.describe('two agents on one flyer', () => {
  test('live editing, presence, undo, offline and persistence', async ({ agentA, agentB, designId }) => {
    const A = agentA.page;
    const B = agentB.page;
    await openEditor(A, designId);

    // A shares the flyer with B through the Share dialog.
    await A.getByTestId('share-button').click();
    await A.getByRole('dialog').getByLabel('Email').fill(AGENT_B);
    await A.getByRole('dialog').getByRole('button', { name: 'Share' }).click();
    await expect(A.getByTestId('share')).toHaveCount(1);
    await A.keyboard.press('Escape');

    await openEditor(B, designId);

    // Both are here.
    await expect(A.getByTestId('avatar')).toHaveCount(2);
    await expect(B.getByTestId('avatar')).toHaveCount(2);

    await test.step('A adds a text and types; B sees it', async () => {
      await A.getByTestId('tool-text').click();
      await clickDesign(A, 620, 480);
      await A.keyboard.type('Open Sunday 1-4 PM');
      await A.keyboard.press('Escape');
      await expect.poll(() => findText(B, 'Open Sunday 1-4 PM')).toHaveLength(1);
      const [id] = await findText(B, 'Open Sunday 1-4 PM');
      await expect
        .poll(() => B.evaluate((oid) => (window as any).__realbrand.editor.binding.fabricOf(oid)?.text, id))
        .toBe('Open Sunday 1-4 PM');
      await expect(A.getByTestId('save-status')).toHaveText('All changes saved');
    });

    await test.step('B moves a rectangle; A sees it move', async () => {
      const before = (await model(A, 'band'))!;
      await drag(B, { x: 300, y: 672 }, { x: 330, y: 712 });
      await expect.poll(async () => (await model(B, 'band'))!.y).toBeGreaterThan(before.y + 20);
      const after = (await model(B, 'band'))!;
      await expect.poll(async () => (await model(A, 'band'))!.y).toBe(after.y);
      expect((await model(A, 'band'))!.x).toBe(after.x);
      // A's canvas shows it there too (fabric centre = model top-left + half size).
      const top = await A.evaluate(() => (window as any).__realbrand.editor.binding.fabricOf('band').top);
      expect(top).toBeCloseTo(after.y + after.height / 2, 1);
    });

    await test.step('both change different properties of one object at once; both survive', async () => {
      await clickDesign(A, 700, 632); // price
      await clickDesign(B, 700, 632);
      await expect.poll(() => selection(A)).toEqual(['price']);
      await expect.poll(() => selection(B)).toEqual(['price']);
      await Promise.all([
        A.getByTestId('properties').getByRole('option', { name: 'Gold' }).click(),
        (async () => {
          await B.getByTestId('font-size').fill('48');
          await B.getByTestId('font-size').press('Enter');
        })(),
      ]);
      for (const p of [A, B]) {
        await expect.poll(async () => (await model(p, 'price'))!.fill).toBe('#c9a227');
        await expect.poll(async () => (await model(p, 'price'))!.fontSize).toBe(48);
      }
    });

    await test.step("A sees B's cursor and selection outline", async () => {
      const p = await toScreen(B, 400, 300);
      await B.mouse.move(p.x, p.y, { steps: 3 });
      const cursor = A.getByTestId('remote-cursor');
      await expect(cursor).toBeVisible();
      const me = (await (await B.context().request.get('/api/auth/me')).json()) as { user: { name: string } };
      await expect(cursor).toContainText(me.user.name);
      await expect(A.locator('[data-testid="remote-selection"][data-object-id="price"]')).toHaveCount(1);
    });

    await test.step("undo in A reverts only A's change", async () => {
      await A.locator('.canvas-host').hover();
      await A.keyboard.press('Control+z');
      await expect.poll(async () => (await model(A, 'price'))!.fill).toBe('#ffffff');
      await expect.poll(async () => (await model(B, 'price'))!.fill).toBe('#ffffff');
      expect((await model(A, 'price'))!.fontSize).toBe(48);
      // B's move of the band is untouched by A's undo.
      expect((await model(A, 'band'))!.y).toBe((await model(B, 'band'))!.y);
    });

    await test.step('offline edits reach B after A comes back', async () => {
      await A.context().setOffline(true);
      await expect(A.getByTestId('connection-status')).toHaveText('Offline');
      const before = (await model(A, 'facts'))!;
      await A.locator('[data-testid="layer"][data-object-id="facts"]').click();
      await A.locator('.canvas-host').hover();
      await A.keyboard.press('Shift+ArrowRight');
      await A.keyboard.press('Shift+ArrowRight');
      await expect.poll(async () => (await model(A, 'facts'))!.x).toBe(before.x + 20);
      await expect(A.getByTestId('save-status')).toHaveText('Edits kept on this device');
      expect((await model(B, 'facts'))!.x).toBe(before.x);
      await A.context().setOffline(false);
      await expect(A.getByTestId('connection-status')).toHaveText('Connected');
      await expect.poll(async () => (await model(B, 'facts'))!.x).toBe(before.x + 20);
      await expect(A.getByTestId('save-status')).toHaveText('All changes saved');
    });

    await test.step('B leaves; their avatar goes', async () => {
      await B.close();
      await expect(A.getByTestId('avatar')).toHaveCount(1);
      await expect(A.getByTestId('remote-cursor')).toHaveCount(0);
    });

    await test.step('reload: everything persisted', async () => {
      const band = (await model(A, 'band'))!;
      await expect(A.getByTestId('save-status')).toHaveText('All changes saved');
      await A.reload();
      await openEditor(A, designId);
      expect(await findText(A, 'Open Sunday 1-4 PM')).toHaveLength(1);
      expect((await model(A, 'band'))!.y).toBe(band.y);
      expect((await model(A, 'price'))!.fontSize).toBe(48);
    });
  });

  test('a remote change to the object I am dragging waits until I let go', async ({ agentA, agentB, designId }) => {
    const { A, B } = await bothEditing(agentA, agentB, designId);
    const strip = (await model(A, 'strip'))!;
    const from = await toScreen(A, 790, strip.y + strip.height / 2);
    await A.mouse.move(from.x, from.y);
    await A.mouse.down();
    await A.mouse.move(from.x, from.y + 20, { steps: 4 });
    await A.mouse.move(from.x, from.y + 40, { steps: 4 });

    // Meanwhile B recolours it and moves it somewhere else.
    await B.locator('[data-testid="layer"][data-object-id="strip"]').click();
    await B.getByTestId('color-fill').getByRole('option', { name: 'Coral' }).click();
    await B.getByTestId('prop-x').fill('200');
    await B.getByTestId('prop-x').press('Enter');
    await expect.poll(async () => (await model(A, 'strip'))!.fill).toBe('#e0604e');

    // Still in A's hand: not yanked to B's x, not recoloured mid-drag.
    const held = await A.evaluate(() => {
      const o = (window as any).__realbrand.editor.binding.fabricOf('strip');
      return { left: o.left, fill: o.fill };
    });
    expect(held.left).toBeCloseTo(strip.x + strip.width / 2, 0);
    expect(held.fill).toBe(strip.fill);

    await A.mouse.move(from.x, from.y + 60, { steps: 4 });
    await A.mouse.up();
    // A let go last: A's position wins; B's colour is applied now.
    await expect.poll(() => A.evaluate(() => (window as any).__realbrand.editor.binding.fabricOf('strip').fill)).toBe('#e0604e');
    for (const p of [A, B]) {
      await expect.poll(async () => (await model(p, 'strip'))!.x).toBe(strip.x);
      await expect.poll(async () => (await model(p, 'strip'))!.y).toBeGreaterThan(strip.y + 40);
    }
  });

  test('drag frames redraw only what changed, on both screens, and leave nothing stale behind', async ({ agentA, agentB, designId }) => {
    const { A, B } = await bothEditing(agentA, agentB, designId);
    // Draws the current state clipped (the editor's own path), then the whole frame from scratch:
    // the two must match pixel for pixel. Both synchronously, so no update lands in between.
    const partialThenWhole = (page: Page) =>
      page.evaluate(async () => {
        const { canvas, editor } = (window as any).__realbrand;
        const cache = editor.transformCache;
        const moving = () => !!(cache.moving || editor.binding.remoteMoving);
        const seen = cache.partialFrames;
        for (let i = 0; i < 300 && !(moving() && cache.partialFrames > seen); i++) await new Promise((r) => setTimeout(r, 10));
        if (!moving()) return { moving: false, partial: 0, differing: -1 };
        const ctx = canvas.getContext();
        const { width, height } = canvas.getElement();
        const before = cache.partialFrames;
        canvas.renderAll();
        const partial = cache.partialFrames - before;
        const clipped = ctx.getImageData(0, 0, width, height).data;
        cache.lastFrame = null;
        canvas.renderAll();
        const whole = ctx.getImageData(0, 0, width, height).data;
        let differing = 0;
        for (let i = 0; i < whole.length; i += 4) {
          if (
            Math.max(
              Math.abs(whole[i] - clipped[i]),
              Math.abs(whole[i + 1] - clipped[i + 1]),
              Math.abs(whole[i + 2] - clipped[i + 2]),
              Math.abs(whole[i + 3] - clipped[i + 3]),
            ) > 2
          )
            differing++;
        }
        return { moving: true, partial, differing };
      });

    // The agent photo, dragged left over the text beside it, in small steps, mouse held throughout.
    const from = await toScreen(A, 560, 842);
    await A.mouse.move(from.x, from.y);
    await A.mouse.down();
    await A.mouse.move(from.x - 60, from.y - 10, { steps: 12 });
    const dragging = await partialThenWhole(A);
    expect(dragging).toEqual({ moving: true, partial: 1, differing: 0 });
    // B receives the move while A keeps dragging.
    const [receiving] = await Promise.all([partialThenWhole(B), A.mouse.move(from.x - 200, from.y - 20, { steps: 60 })]);
    expect(receiving).toEqual({ moving: true, partial: 1, differing: 0 });
    await A.mouse.up();
    for (const p of [A, B]) await expect.poll(async () => (await model(p, 'agentPhoto'))!.x).toBeLessThan(400);
  });

  test('an agent cannot move the locked logo', async ({ agentA, designId }) => {
    const A = agentA.page;
    await openEditor(A, designId);
    const before = (await model(A, 'logo'))!;
    expect(before.locked).toBe(true);
    await expect(A.locator('[data-testid="layer"][data-object-id="logo"] [data-testid="layer-locked"]')).toBeVisible();
    const c = await toScreen(A, before.x + before.width / 2, before.y + before.height / 2);
    await A.mouse.move(c.x, c.y);
    await expect(A.getByTestId('lock-badge')).toBeVisible();
    await drag(A, { x: before.x + before.width / 2, y: before.y + before.height / 2 }, { x: before.x + 200, y: before.y + 150 });
    expect(await selection(A)).not.toContain('logo');
    const after = (await model(A, 'logo'))!;
    expect([after.x, after.y]).toEqual([before.x, before.y]);
    const fo = await A.evaluate(() => {
      const o = (window as any).__realbrand.editor.binding.fabricOf('logo');
      return { left: o.left, top: o.top };
    });
    expect(fo.left).toBeCloseTo(before.x + before.width / 2, 1);
    expect(fo.top).toBeCloseTo(before.y + before.height / 2, 1);
  });

  test('a brand manager locks and unlocks an object for agents', async ({ browser, agentA, designId }) => {
    const A = agentA.page;
    const share = await agentA.context.request.post(`/api/designs/${designId}/shares`, {
      headers: { 'X-Requested-With': 'e2e' },
      data: { email: BRAND_MANAGER, access: 'edit' },
    });
    expect(share.status()).toBe(201);
    const manager = await loggedIn(browser, BRAND_MANAGER);
    try {
      const M = manager.page;
      await openEditor(A, designId);
      await openEditor(M, designId);
      const price = (await model(A, 'price'))!;
      const centre = { x: price.x + price.width / 2, y: price.y + price.height / 2 };

      await M.locator('[data-testid="layer"][data-object-id="price"]').click();
      await M.getByTestId('toggle-lock').click();
      await expect.poll(async () => (await model(A, 'price'))!.locked).toBe(true);
      await expect(A.locator('[data-testid="layer"][data-object-id="price"] [data-testid="layer-locked"]')).toBeVisible();
      await drag(A, centre, { x: centre.x - 120, y: centre.y + 60 });
      expect((await model(A, 'price'))!.x).toBe(price.x);

      await M.getByTestId('toggle-lock').click();
      await expect.poll(async () => (await model(A, 'price'))!.locked ?? false).toBe(false);
      // The first drag drew a marquee around what lies under the locked text: clear it first.
      await A.keyboard.press('Escape');
      await drag(A, centre, { x: centre.x - 120, y: centre.y + 60 });
      await expect.poll(async () => (await model(M, 'price'))!.x).toBeLessThan(price.x - 60);
    } finally {
      await manager.context.close();
    }
  });

  test('resize and rotate with the selection handles, also after zooming', async ({ agentA, designId }) => {
    const A = agentA.page;
    await openEditor(A, designId);
    const before = (await model(A, 'agentPhoto'))!;
    await clickDesign(A, before.x + before.width / 2, before.y + before.height / 2);
    expect(await selection(A)).toEqual(['agentPhoto']);
    // The handles follow the view: zoom out with the object selected, then grab them where they are now.
    await A.evaluate(() => (window as any).__realbrand.editor.viewport.zoomBy(0.8));

    // Bottom-right corner, dragged out: the box grows from its top-left corner (aspect kept).
    await drag(
      A,
      { x: before.x + before.width, y: before.y + before.height },
      { x: before.x + before.width + 40, y: before.y + before.height + 40 },
    );
    await expect.poll(async () => (await model(A, 'agentPhoto'))!.width).toBeGreaterThan(before.width + 25);
    const resized = (await model(A, 'agentPhoto'))!;
    expect(resized.height / resized.width).toBeCloseTo(before.height / before.width, 1);
    expect(resized.x).toBeCloseTo(before.x, 0);
    expect(resized.y).toBeCloseTo(before.y, 0);
    expect(resized.angle).toBe(0);

    // The rotation handle sits 40 screen px above the top edge's middle; swing it round to the right.
    const centre = { x: resized.x + resized.width / 2, y: resized.y + resized.height / 2 };
    const top = await toScreen(A, centre.x, resized.y);
    const right = await toScreen(A, centre.x + resized.width, centre.y);
    await A.mouse.move(top.x, top.y - 40);
    await A.mouse.down();
    await A.mouse.move(top.x + 30, top.y - 30, { steps: 5 });
    await A.mouse.move(right.x, right.y, { steps: 10 });
    await A.mouse.up();
    await expect.poll(async () => (await model(A, 'agentPhoto'))!.angle).toBeGreaterThan(60);
    expect((await model(A, 'agentPhoto'))!.angle).toBeLessThan(120);
  });

  test('a long layers list keeps only the rows near its visible part, and scrolling brings the others', async ({ agentA, designId }) => {
    const A = agentA.page;
    await openEditor(A, designId);
    // Select everything and duplicate it, three times: well over a hundred layers.
    await clickDesign(A, 400, 300);
    for (let i = 0; i < 3; i++) {
      await A.keyboard.press('ControlOrMeta+a');
      await A.keyboard.press('ControlOrMeta+d');
    }
    const total = await A.evaluate(() => (window as any).__realbrand.doc.getMap('objects').size as number);
    expect(total).toBeGreaterThan(120);
    const list = A.getByTestId('layers');
    await expect(A.locator('.layers .panel-head .muted')).toHaveText(String(total));
    const rows = list.getByTestId('layer');
    const inDom = await rows.count();
    expect(inDom).toBeGreaterThan(0);
    expect(inDom).toBeLessThan(total);
    // The list scrolls its full length (spacers stand in for the rows not in the DOM), and the last row comes in.
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const last = await A.evaluate(() => {
      const layers = (window as any).__realbrand.editor.store.get().layers as Array<{ id: string }>;
      return layers[layers.length - 1]!.id;
    });
    await expect(list.locator(`[data-testid="layer"][data-object-id="${last}"]`)).toBeVisible();
  });

  test('export PNG and PDF', async ({ agentA, designId }) => {
    const A = agentA.page;
    await openEditor(A, designId);
    // Wait for the logo to load so the export is complete.
    await A.waitForFunction(() => (window as any).__realbrand.editor.binding.fabricOf('logo')?.getElement() instanceof HTMLImageElement);

    await A.getByTestId('export-button').click();
    const [png] = await Promise.all([A.waitForEvent('download'), A.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const pngBytes = await readFile((await png.path())!);
    expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Decode in the browser and read pixels: 2× the 816×1056 page.
    const pixels = await A.evaluate(async (b64) => {
      const bmp = new Image();
      bmp.src = `data:image/png;base64,${b64}`;
      await bmp.decode();
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      const at = (x: number, y: number) => [...ctx.getImageData(x, y, 1, 1).data];
      // The navy band (#1f3a5f) at design (600, 670); the mist strip (#edf2f7) at (790, 740).
      return { w: bmp.width, h: bmp.height, band: at(1200, 1340), strip: at(1580, 1480) };
    }, pngBytes.toString('base64'));
    expect(pixels.w).toBe(1632);
    expect(pixels.h).toBe(2112);
    expect(pixels.band).toEqual([0x1f, 0x3a, 0x5f, 255]);
    expect(pixels.strip).toEqual([0xed, 0xf2, 0xf7, 255]);

    await A.getByTestId('export-button').click();
    const [pdf] = await Promise.all([A.waitForEvent('download'), A.getByTestId('export-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const pdfBytes = await readFile((await pdf.path())!);
    const text = pdfBytes.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    // Letter trim size in points inside the page's bleed (12 px = 9 pt each side), an embedded image,
    // the brand fonts embedded and subset, and the flyer's text as real text.
    expect(text).toMatch(/\/TrimBox \[\s*9 9 621 801\s*\]/);
    expect(text).toMatch(/\/MediaBox \[\s*0 0 630 810\s*\]/);
    expect(text).toContain('/Subtype /Image');
    const fonts = pdfFonts(new Uint8Array(pdfBytes));
    expect(fonts.some((f) => /^[A-Z]{6}\+Montserrat/.test(f.name) && f.embedded && f.subset)).toBe(true);
    expect(fonts.some((f) => /^[A-Z]{6}\+OpenSans/.test(f.name) && f.embedded && f.subset)).toBe(true);
    const pdfTextContent = pdfText(new Uint8Array(pdfBytes));
    // Agent fields come from the creator's profile (the demo agent), not the template's sample agent.
    expect(pdfTextContent).toContain('Sam Carter');
    expect(pdfTextContent).not.toContain('Jordan Ellis');
    // The template's sample address and price are placeholders until a listing fills them: not printed, and said so.
    expect(pdfTextContent).not.toContain('1234 Magnolia Ridge Lane');
    expect(pdfTextContent).not.toContain('Add a photo');
    await expect(A.getByText(/left out of the export/).last()).toBeVisible(); // one toast per export (PNG, then PDF)

    // Print (CMYK): the demo kit gives CMYK values for its navy; the band is filled with them (DeviceCMYK).
    await A.getByTestId('export-button').click();
    const [cmyk] = await Promise.all([A.waitForEvent('download'), A.getByTestId('export-pdf-cmyk').click()]);
    const cmykStreams = pdfStreams(await readFile((await cmyk.path())!));
    expect(cmykStreams).toContain('\n1 0.72 0.3 0.35 k\n');
    expect(pdfStreams(pdfBytes)).not.toContain('\n1 0.72 0.3 0.35 k\n');
  });
});
