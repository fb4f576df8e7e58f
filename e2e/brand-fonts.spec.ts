/**
 * Brand font upload (#21), from the outside: a brand manager uploads a TTF in /brand-kit (a PNG
 * renamed .ttf is refused), an agent of the brokerage picks the family in the editor, and the PDF
 * the editor exports embeds that font, subset (pdffonts).
 */
import { readFile } from 'node:fs/promises';
import { BRAND_MANAGER, expect, loggedIn, model, openEditor, test } from './fixtures.js';
import { namedTtf } from '../server/test-support/fonts.js';
import { pdfFonts } from '../server/test-support/poppler.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

test('upload a brand font in /brand-kit, choose it in the editor, and find it embedded in the exported PDF', async ({
  browser,
  agentA,
  designId,
}) => {
  const brand = await loggedIn(browser, BRAND_MANAGER);
  const B = brand.page;
  await B.goto('/brand-kit');
  const upload = B.getByTestId('kit-upload-font');

  await upload.setInputFiles({ name: 'logo.ttf', mimeType: 'font/ttf', buffer: PNG });
  await expect(B.getByTestId('kit-font-error')).toContainText('not a font');

  await upload.setInputFiles({ name: 'harbor.ttf', mimeType: 'font/ttf', buffer: Buffer.from(namedTtf('Harbor Test')) });
  await expect(B.getByTestId('kit-font-notice')).toContainText('Harbor Test 700');
  const row = B.getByTestId('kit-uploaded-font').filter({ hasText: 'Harbor Test' });
  await expect(row).toHaveCount(1);
  // The preview is drawn in the uploaded face.
  await expect.poll(() => B.evaluate(() => document.fonts.check('700 16px "Harbor Test"'))).toBe(true);
  await B.getByTestId('kit-uploaded-fonts').screenshot({ path: test.info().outputPath('brand-kit-fonts.png') });
  await brand.context.close();

  const A = agentA.page;
  await openEditor(A, designId);
  await A.evaluate(() => (window as any).__realbrand.editor.select(['priceLbl']));
  const picker = A.getByTestId('font-family');
  await expect(picker.locator('option', { hasText: 'Harbor Test' })).toHaveCount(1);
  await picker.selectOption('Harbor Test');
  await expect.poll(async () => String((await model(A, 'priceLbl'))?.fontFamily)).toContain('Harbor Test');

  await A.getByTestId('export-button').click();
  const [pdf] = await Promise.all([A.waitForEvent('download'), A.getByTestId('export-pdf').click()]);
  const fonts = pdfFonts(new Uint8Array(await readFile((await pdf.path())!)));
  const harbor = fonts.filter((f) => /^[A-Z]{6}\+HarborTest-Bold$/.test(f.name));
  expect(harbor, fonts.map((f) => f.name).join(', ')).toHaveLength(1);
  expect(harbor[0]).toMatchObject({ embedded: true, subset: true });
});
