/**
 * Listings end to end: import a RESO file, make a flyer from it, see its
 * address, price and photo on the canvas, re-import with a new price, accept
 * the update in the editor, export the PDF and find the new price in it.
 * The listing's photos are on a small photo server this spec starts on
 * 127.0.0.1 (the e2e server allows that host: LISTING_PHOTO_PRIVATE_HOSTS in
 * playwright.config.ts); the app serves them to the browser from its own origin.
 */
import { pdfText } from '../server/test-support/poppler.js';
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { solidPng } from '../server/test-support/images.js';
import { startPhotoServer, type PhotoServer } from '../server/test-support/photo-server.js';
import { expect, openEditor, test } from './fixtures.js';

const FIXTURE = 'server/test-support/reso-fixtures/single-property.json';
/** The preferred photo (the flyer's hero): a size and colour no placeholder has. */
const HERO = { width: 30, height: 20, rgb: [34, 139, 34] as const };

let photos: PhotoServer;
test.beforeAll(async () => {
  photos = await startPhotoServer({
    '/5551234/1.jpg': { type: 'image/png', body: solidPng(24, 16, [200, 60, 60]) },
    '/5551234/2.jpg': { type: 'image/png', body: solidPng(HERO.width, HERO.height, HERO.rgb) },
    '/5551234/3.jpg': { type: 'image/png', body: solidPng(24, 16, [60, 60, 200]) },
  });
});
test.afterAll(() => photos?.close());

/** The fixture with its MLS photo URLs moved to our photo server (same paths). */
function withLocalPhotos(listing: Record<string, unknown>): Record<string, unknown> {
  const media = (listing.Media as Array<Record<string, unknown>>).map((m) =>
    typeof m.MediaURL === 'string' ? { ...m, MediaURL: m.MediaURL.replace('https://photos.example-mls.test', photos.origin) } : m,
  );
  return { ...listing, Media: media };
}

/** The hero image as drawn on the canvas: its natural size and the colour of its centre pixel. */
function heroImage(page: Page): Promise<{ width: number; height: number; rgb: number[] } | null> {
  return page.evaluate(() => {
    const el = (window as any).__realbrand.editor.binding.fabricOf('hero')?.getElement();
    if (!(el instanceof HTMLImageElement) || !el.complete || el.naturalWidth === 0) return null;
    const c = document.createElement('canvas');
    c.width = el.naturalWidth;
    c.height = el.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(el, 0, 0);
    // Throws if the image tainted the canvas (cross-origin without CORS).
    const [r, g, b] = ctx.getImageData(Math.floor(c.width / 2), Math.floor(c.height / 2), 1, 1).data;
    return { width: el.naturalWidth, height: el.naturalHeight, rgb: [r!, g!, b!] };
  });
}

/** Texts of the fabric objects on the canvas (what the agent sees). */
function canvasTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    ((window as any).__realbrand.canvas.getObjects() as Array<{ text?: unknown }>).flatMap((o) =>
      typeof o.text === 'string' ? [o.text] : [],
    ),
  );
}

async function importFile(page: Page, path: string, imported: number): Promise<void> {
  await page.goto('/listings');
  await page.getByTestId('listing-file').setInputFiles(path);
  await expect(page.getByTestId('import-result')).toContainText(`Imported ${imported} ${imported === 1 ? 'listing' : 'listings'}`);
}

test('import a listing, make a flyer, accept a price change, export the PDF', async ({ agentA }, testInfo) => {
  const page = agentA.page;
  // A unique key per run: the e2e database is shared by the specs of one run.
  const key = `E2E-${Date.now()}`;
  const listing = withLocalPhotos(JSON.parse(await readFile(FIXTURE, 'utf8')) as Record<string, unknown>);
  const first = testInfo.outputPath('listing.json');
  await writeFile(first, JSON.stringify({ ...listing, ListingKey: key }));

  await test.step('import the listing file on the Listings page', async () => {
    await importFile(page, first, 1);
    const row = page.locator(`[data-listing-key="${key}"]`);
    await expect(row).toContainText('1847 Bluebonnet Lane');
    // The thumbnail is the preferred photo, loaded from our own origin.
    const thumb = row.locator('img');
    await expect(thumb).toHaveAttribute('src', /^\/api\/listings\/[^/]+\/photos\/0$/);
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(HERO.width);
  });

  let designId = '';
  await test.step('create a flyer from it', async () => {
    await page.getByTestId('listing-template').selectOption('listing-flyer');
    await page.locator(`[data-listing-key="${key}"]`).getByTestId('create-from-listing').click();
    await expect(page).toHaveURL(/\/designs\/[^/?]+$/);
    designId = new URL(page.url()).pathname.split('/').pop()!;
    await openEditor(page, designId);
    await expect.poll(() => canvasTexts(page)).toEqual(expect.arrayContaining(['1847 Bluebonnet Lane', 'Austin, TX 78704', '$1,250,000']));
    await expect.poll(() => heroImage(page)).toEqual({ width: HERO.width, height: HERO.height, rgb: [...HERO.rgb] });
    // Fetched from the photo server once; the browser got it from the app.
    expect(photos.hits.get('/5551234/2.jpg')).toBe(1);
    await expect(page.getByTestId('listing-update-banner')).toHaveCount(0);
  });

  await test.step("back on Listings, the row shows the flyer's thumbnail linking to it", async () => {
    await page.goto('/listings');
    const link = page.locator(`[data-listing-key="${key}"]`).getByTestId('listing-design');
    await expect(link).toHaveCount(1);
    await expect(link).toHaveAttribute('href', `/designs/${designId}`);
    const thumb = link.locator('img');
    await expect(thumb).toHaveAttribute('alt', /^1847 Bluebonnet Lane – /);
    await expect(thumb).toHaveAttribute('src', new RegExp(`^/api/designs/${designId}/thumbnail\\.png\\?v=`));
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
    await expect(page.locator(`[data-listing-key="${key}"]`).getByTestId('listing-designs-more')).toHaveCount(0);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/designs/${designId}$`));
  });

  await test.step('re-import with a lower price; the editor offers the update', async () => {
    const second = testInfo.outputPath('listing-price-drop.json');
    await writeFile(
      second,
      JSON.stringify({
        value: [
          { ...listing, ListingKey: key, ListPrice: 1150000, PreviousListPrice: 1250000, ModificationTimestamp: '2025-06-09T15:04:05Z' },
        ],
      }),
    );
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
    const content = pdfText(new Uint8Array(bytes));
    expect(content).toContain('$1,150,000');
    expect(content).not.toContain('$1,250,000');
  });
});
