/**
 * The rough edges a new user hit (issue 24), one test each: each failed
 * before its fix.
 */
import { writeFile } from 'node:fs/promises';
import { deflateSync, crc32 } from 'node:zlib';
import { startPhotoServer, type PhotoServer } from '../server/test-support/photo-server.js';
import { drag, expect, model, openEditor, selection, test, toScreen } from './fixtures.js';

const H = { 'X-Requested-With': 'e2e' };

test('dragging on a locked element selects nothing under it, and Delete then removes nothing', async ({ agentA, designId }) => {
  const page = agentA.page;
  await openEditor(page, designId);
  expect((await model(page, 'logo'))!.locked).toBe(true);
  // From the locked logo across the hero photo: a selection rectangle would take the photo.
  await drag(page, { x: 120, y: 50 }, { x: 420, y: 320 });
  expect(await selection(page)).toEqual([]);
  await page.keyboard.press('Delete');
  expect(await model(page, 'hero')).not.toBeNull();
  // A drag that starts on empty canvas still selects what it covers.
  await drag(page, { x: 100, y: 300 }, { x: 900, y: 1000 });
  expect(await selection(page)).toContain('hero');
});

test('Ctrl+End in a text box moves the caret to the end of the text, Ctrl+Home to its start', async ({ agentA, designId }) => {
  const page = agentA.page;
  await openEditor(page, designId);
  const d = (await model(page, 'desc'))!;
  const at = await toScreen(page, d.x + 40, d.y + 10);
  await page.mouse.dblclick(at.x, at.y);
  await expect.poll(() => page.evaluate(() => (window as any).__realbrand.editor.binding.isEditingText())).toBe(true);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' END');
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('START ');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await model(page, 'desc'))!.text).toBe(`START ${d.text} END`);
});

test('status badges read as sentences ("In review") and the delete button has an icon, not an emoji', async ({ agentA }) => {
  const page = agentA.page;
  const res = await agentA.context.request.post('/api/designs', {
    headers: H,
    data: { title: `Badge ${Date.now()}`, templateId: 'listing-flyer' },
  });
  const { id } = (await res.json()) as { id: string };
  expect((await agentA.context.request.post(`/api/designs/${id}/submit`, { headers: H, data: {} })).ok()).toBe(true);
  await page.goto('/designs');
  const card = page.locator('.design-card').filter({ has: page.locator(`a[href="/designs/${id}"]`) });
  // innerText: what is on screen, after CSS text-transform.
  expect(await card.getByTestId('design-status-pill').evaluate((e: HTMLElement) => e.innerText)).toBe('In review');
  const del = card.getByTestId('design-delete');
  await expect(del.locator('svg')).toHaveCount(1);
  expect((await del.evaluate((e: HTMLElement) => e.innerText)).trim()).toBe('');
});

test('Enter posts a comment, Shift+Enter starts a new line', async ({ agentA, designId }) => {
  const page = agentA.page;
  await openEditor(page, designId);
  await page.getByTestId('comments-toggle').click();
  const input = page.getByTestId('general-comment-input');
  await input.click();
  await page.keyboard.type('First line');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('second line');
  await expect(input).toHaveValue('First line\nsecond line');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('comment-thread').filter({ hasText: 'second line' })).toHaveCount(1);
  await expect(input).toHaveValue('');
});

test('the editor loads each stylesheet once, with no unused-preload warnings', async ({ agentA, designId }) => {
  const page = agentA.page;
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (/preload/i.test(m.text())) warnings.push(m.text());
  });
  await openEditor(page, designId);
  const css = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => n.endsWith('.css')),
  );
  expect(css.length).toBeGreaterThan(0);
  expect(css.length, css.join('\n')).toBe(new Set(css).size);
  // Chrome warns about an unused preload a few seconds after load.
  await page.waitForTimeout(3_500);
  expect(warnings).toEqual([]);
});

test('the log-in page logs no errors in the console', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('/login');
  await expect(page.getByRole('button', { name: /^log in$/i })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
  await context.close();
});

test.describe('listings page', () => {
  let photos: PhotoServer;
  test.beforeAll(async () => {
    photos = await startPhotoServer({ '/gone.jpg': { status: 503, body: 'busy' } });
  });
  test.afterAll(() => photos?.close());

  test('import is keyboard-reachable, says once what it imported, and a sample RESO file is offered', async ({ agentA }, testInfo) => {
    const page = agentA.page;
    await page.goto('/listings');
    await expect(page.getByTestId('reso-hint')).toContainText('RESO');
    const download = page.waitForEvent('download');
    await page.getByTestId('reso-sample').click();
    const sample = await (await download).path();
    const button = page.getByRole('button', { name: 'Import listing file' });
    // Reached with Tab from the sample link's neighbourhood, and opened with the keyboard.
    await button.focus();
    await expect(button).toBeFocused();
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(sample);
    await expect(page.getByTestId('import-result')).toContainText('Imported 2 listings.');
    await expect(page.getByText(/Imported 2 listings/)).toHaveCount(1);
    await expect(page.locator('[data-listing-key="SAMPLE-1001"]')).toContainText('1418 Maple Grove');
    // The select and the search box are styled like the rest of the app.
    for (const el of [page.getByTestId('listing-template'), page.getByRole('searchbox', { name: 'Search listings' })]) {
      expect(await el.evaluate((e) => getComputedStyle(e).borderRadius)).toBe('7px');
    }
    void testInfo;
  });

  test("a flyer whose MLS photo can't be fetched says so in the photo frame and offers another photo", async ({ agentA }) => {
    const page = agentA.page;
    photos.routes.set('/down.jpg', { status: 503, body: 'busy' });
    const key = `E2E-DOWN-${Date.now()}`;
    const imported = await agentA.context.request.post('/api/listings/import', {
      headers: H,
      data: {
        ListingKey: key,
        StandardStatus: 'Active',
        ListPrice: 410000,
        UnparsedAddress: '9 Down Photo Rd, Austin, TX 78701',
        Media: [{ MediaURL: `${photos.origin}/down.jpg`, Order: 1 }],
      },
    });
    const listingId = ((await imported.json()) as { listings: Array<{ id: string }> }).listings[0]!.id;
    const made = await agentA.context.request.post('/api/designs', {
      headers: H,
      data: { title: 'Down photo flyer', templateId: 'listing-flyer', listingId },
    });
    const { id } = (await made.json()) as { id: string };
    await openEditor(page, id);
    await expect.poll(() => page.evaluate(() => (window as any).__realbrand.editor.binding.fabricOf('hero')?.rbFailed === true)).toBe(true);
    // The frame is still a photo frame: selecting it offers "Add photo…".
    await page.evaluate(() => (window as any).__realbrand.editor.select(['hero']));
    await expect(page.getByTestId('replace-image')).toBeVisible();
  });

  test('a listing photo that cannot be fetched shows a clear state with a retry', async ({ agentA }, testInfo) => {
    const page = agentA.page;
    const key = `E2E-GONE-${Date.now()}`;
    const file = testInfo.outputPath('gone.json');
    await writeFile(
      file,
      JSON.stringify({
        ListingKey: key,
        StandardStatus: 'Active',
        ListPrice: 300000,
        UnparsedAddress: '5 Gone Photo Rd, Austin, TX 78701',
        Media: [{ MediaURL: `${photos.origin}/gone.jpg`, Order: 1 }],
      }),
    );
    await page.goto('/listings');
    await page.getByTestId('listing-file').setInputFiles(file);
    const row = page.locator(`[data-listing-key="${key}"]`);
    await expect(row.getByTestId('listing-photo-failed')).toContainText('Photo unavailable');
    expect(photos.hits.get('/gone.jpg')).toBe(1);
    await page.reload();
    await expect(row.getByTestId('listing-photo-failed')).toBeVisible();
    expect(photos.hits.get('/gone.jpg')).toBe(1); // waiting for its next attempt, not downloading on every view
    photos.routes.set('/gone.jpg', {
      type: 'image/png',
      body: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
    });
    await row.getByTestId('listing-photo-retry').click();
    await expect(row.getByTestId('listing-photo')).toBeVisible();
    expect(photos.hits.get('/gone.jpg')).toBe(2);
  });
});

/** A PNG of `size`×`size` pixels (a gradient) stored without compression, so it is large. */
function bigPng(size: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    const row = y * (size * 3 + 1);
    for (let x = 0; x < size; x++) raw.set([(x * 255) / size, (y * 255) / size, 120], row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('an image over 10 MB is made smaller in the browser to what its frame needs at 300 ppi, then uploaded', async ({
  agentA,
  designId,
}, testInfo) => {
  const page = agentA.page;
  const file = testInfo.outputPath('big-photo.png');
  const png = bigPng(1900);
  expect(png.length).toBeGreaterThan(10 * 1024 * 1024);
  await writeFile(file, png);
  await openEditor(page, designId);
  const frame = (await model(page, 'agentPhoto'))!; // 80×80 design px → 250×250 px at 300 ppi
  await page.evaluate(() => (window as any).__realbrand.editor.select(['agentPhoto']));
  await page.getByTestId('replace-image-input').setInputFiles(file);
  await expect.poll(async () => (await model(page, 'agentPhoto'))!.src, { timeout: 30_000 }).not.toBe(frame.src);
  const placed = (await model(page, 'agentPhoto'))!;
  expect({ w: placed.naturalWidth, h: placed.naturalHeight }).toEqual({ w: 250, h: 250 });
  const asset = await agentA.context.request.get(placed.src);
  expect(asset.ok()).toBe(true);
  expect((await asset.body()).length).toBeLessThan(10 * 1024 * 1024);
});
