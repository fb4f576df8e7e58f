/**
 * An agent at an open house, on a 390×844 phone: opens a listing flyer, changes the price and the
 * photo in the quick-edit form, fixes a flagged Fair Housing phrase from the checks, and exports
 * a PNG — no horizontal scrolling on the way.
 */
import { writeFile } from 'node:fs/promises';
import { JPEG_4x3 } from '../server/test-support/images.js';
import { expect, model, openEditor, test } from './fixtures.js';

const PHRASE = 'perfect for a couple with no kids';

test('quick edit of a flyer on a phone: price, photo, a flagged phrase fixed, PNG exported', async ({ agentA, designId }, testInfo) => {
  const page = agentA.page;
  await page.setViewportSize({ width: 390, height: 844 });
  await openEditor(page, designId);
  await expect(page.getByTestId('quick-edit')).toBeVisible();
  // The preview is a real part of the screen, not a strip.
  const preview = (await page.getByTestId('canvas-host').boundingBox())!;
  expect(preview.width).toBeGreaterThan(350);
  expect(preview.height).toBeGreaterThan(220);
  // The form is on screen under the preview (not pushed below the fold by a closed panel).
  const form = (await page.getByTestId('quick-edit').boundingBox())!;
  expect(form.y).toBeGreaterThanOrEqual(preview.y + preview.height - 1);
  expect(form.y).toBeLessThan(844 - 200);

  await test.step('change the price', async () => {
    const price = page.getByTestId('quick-field-price');
    await expect(price).toHaveValue('$1,250,000');
    await price.fill('$1,199,000');
    await expect.poll(async () => (await model(page, 'price'))!.text).toBe('$1,199,000');
    await page.getByTestId('quick-field-addr1').focus(); // leaving the field shows the model's value
    await expect(price).toHaveValue('$1,199,000');
  });

  await test.step('change the photo from the camera roll', async () => {
    const before = (await model(page, 'hero'))!.src;
    const file = testInfo.outputPath('kitchen.jpg');
    await writeFile(file, JPEG_4x3);
    await page.getByTestId('quick-photo-input-hero').setInputFiles(file);
    await expect.poll(async () => (await model(page, 'hero'))!.src, { timeout: 20_000 }).not.toBe(before);
  });

  await test.step('a flagged phrase is fixed from the checks', async () => {
    const desc = page.getByTestId('quick-field-desc');
    await desc.fill(`Charming home, ${PHRASE}.`);
    await expect(page.getByTestId('blocks-approval')).toBeVisible();
    await page.getByTestId('blocks-approval').click();
    const fixes = page.locator('[data-testid="finding"][data-rule-id="fair-housing-wording"] [data-testid="fix"]');
    for (let i = 0; i < 5 && (await fixes.count()) > 0; i++) {
      const n = await fixes.count();
      await fixes.first().click();
      await expect.poll(() => fixes.count()).toBeLessThan(n);
    }
    await expect(page.getByTestId('blocks-approval')).toHaveCount(0);
    const text = (await model(page, 'desc'))!.text as string;
    expect(text).toMatch(/^Charming home, /);
    expect(text).not.toContain('no kids');
    await expect(desc).toHaveValue(text); // the fix shows in the form too
    await page.getByRole('button', { name: 'Close panel' }).first().click();
  });

  await test.step('export a PNG', async () => {
    await page.getByTestId('export-button').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-png').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.png$/);
    const bytes = await (await import('node:fs/promises')).readFile((await file.path())!);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(width.scroll).toBeLessThanOrEqual(width.client);
  // Nothing inside was scrolled sideways either (focus can scroll a clipped box), and the bar fits.
  expect(await page.locator('.editor').evaluate((e) => e.scrollLeft)).toBe(0);
  for (const id of ['export-button', 'submit-review', 'toolbar-more', 'quick-edit']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.x, id).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, id).toBeLessThanOrEqual(390);
  }
  await page.screenshot({ path: 'test-results/screens/phone-quick-edit.png' });
});
