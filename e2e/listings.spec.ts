/**
 * Listings end to end: import a RESO file, make a flyer from it, see its
 * address and price on the canvas, re-import with a new price, accept the
 * update in the editor, export the PDF and find the new price in it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openEditor, test, pdfStreams } from './fixtures.js';

const FIXTURE = 'server/listings/fixtures/single-property.json';

/** Texts of the fabric objects on the canvas (what the agent sees). */
function canvasTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    ((window as any).__realbrand.canvas.getObjects() as Array<{ text?: unknown }>).flatMap((o) => (typeof o.text === 'string' ? [o.text] : [])),
  );
}

async function importFile(page: Page, path: string, imported: number): Promise<void> {
  await page.goto('/listings');
  await page.getByTestId('listing-file').setInputFiles(path);
  await expect(page.getByTestId('import-result')).toContainText(`Imported ${imported} listing(s)`);
}

test('import a listing, make a flyer, accept a price change, export the PDF', async ({ agentA }, testInfo) => {
  const page = agentA.page;
  // A unique key per run: the e2e database is shared by the specs of one run.
  const key = `E2E-${Date.now()}`;
  const listing = JSON.parse(await readFile(FIXTURE, 'utf8')) as Record<string, unknown>;
  const first = testInfo.outputPath('listing.json');
  await writeFile(first, JSON.stringify({ ...listing, ListingKey: key }));

  await test.step('import the listing file on the Listings page', async () => {
    await importFile(page, first, 1);
    await expect(page.locator(`[data-listing-key="${key}"]`)).toContainText('1847 Bluebonnet Lane');
  });

  let designId = '';
  await test.step('create a flyer from it', async () => {
    await page.getByTestId('listing-template').selectOption('listing-flyer');
    await page.locator(`[data-listing-key="${key}"]`).getByTestId('create-from-listing').click();
    await expect(page).toHaveURL(/\/designs\/[^/?]+$/);
    designId = new URL(page.url()).pathname.split('/').pop()!;
    await openEditor(page, designId);
    await expect.poll(() => canvasTexts(page)).toEqual(expect.arrayContaining(['1847 Bluebonnet Lane', 'Austin, TX 78704', '$1,250,000']));
    await expect(page.getByTestId('listing-update-banner')).toHaveCount(0);
  });

  await test.step('re-import with a lower price; the editor offers the update', async () => {
    const second = testInfo.outputPath('listing-price-drop.json');
    await writeFile(second, JSON.stringify({ value: [{ ...listing, ListingKey: key, ListPrice: 1150000, PreviousListPrice: 1250000, ModificationTimestamp: '2025-06-09T15:04:05Z' }] }));
    await importFile(page, second, 1);
    await openEditor(page, designId);
    const banner = page.getByTestId('listing-update-banner');
    await expect(banner).toContainText('$1,250,000');
    await expect(banner).toContainText('$1,150,000');
    await page.getByTestId('listing-update-apply').click();
    await expect(page.getByTestId('listing-update-done')).toBeVisible();
    await expect.poll(() => canvasTexts(page)).toContain('$1,150,000');
    expect(await canvasTexts(page)).not.toContain('$1,250,000');
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  });

  await test.step('export the PDF; the new price is in it', async () => {
    await page.getByTestId('export-button').click();
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    const bytes = await readFile((await pdf.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const content = pdfStreams(bytes);
    expect(content).toContain('($1,150,000) Tj');
    expect(content).not.toContain('($1,250,000) Tj');
  });
});
