/**
 * The editor's canvas and the print PDF show the same page: for each library template, the PNG the
 * editor exports (fabric drawing in Chromium, text laid out by the shared layout) and the PDF it
 * exports, rasterised by poppler's pdftoppm at the same resolution and cropped to the trim box,
 * compared pixel by pixel with a tolerance for the two rasterisers' anti-aliasing. Both images and
 * the difference (red) are saved beside the test's results for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { expect, openEditor, test } from './fixtures.js';
import { compareImages, decodePng, encodePng } from './pixels.js';
import { TEMPLATES } from '../templates/index.js';

/**
 * Largest share of pixels allowed to differ (outside anti-aliased edges). Measured: 0.014–0.106 %
 * across the library; the whole flyer shifted by 3 design px differs by 0.51 %.
 */
const ALLOWED_SHARE = 0.003;

test.describe('editor PNG vs PDF through pdftoppm', () => {
  for (const t of TEMPLATES) {
    test(`${t.id}: the page the editor draws is the page the PDF prints`, async ({ agentA }, testInfo) => {
      const res = await agentA.context.request.post('/api/designs', {
        headers: { 'X-Requested-With': 'e2e' },
        data: { title: `Render match ${t.id}`, templateId: t.id },
      });
      expect(res.status()).toBe(201);
      const { id } = (await res.json()) as { id: string };
      const page = agentA.page;
      await openEditor(page, id);
      // The brand font files are in the layout's font book, the CSS faces are drawn, the images are in.
      await expect.poll(() => page.evaluate(() => (window as any).__realbrand.editor.store.get().layoutFonts as boolean)).toBe(true);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await expect
        .poll(() =>
          page.evaluate(() => {
            const { editor } = (window as any).__realbrand;
            return editor.binding.allModels().every((o: { id: string; type: string; src?: string }) => {
              if (o.type !== 'image' || !o.src) return true;
              const fo = editor.binding.fabricOf(o.id);
              return !fo || fo.getElement() instanceof HTMLImageElement || fo.rbFailed;
            });
          }),
        )
        .toBe(true);
      const meta = await page.evaluate(
        () => (window as any).__realbrand.editor.binding.meta as { width: number; height: number; kind: string },
      );

      const [png] = await Promise.all([
        page.waitForEvent('download'),
        page.evaluate(() => (window as any).__realbrand.editor.exportPng('render-match')),
      ]);
      const [pdf] = await Promise.all([
        page.waitForEvent('download'),
        page.evaluate(() => (window as any).__realbrand.editor.exportPdf('render-match')),
      ]);
      const editorPng = await readFile((await png.path())!);
      const pdfPath = testInfo.outputPath('export.pdf');
      await writeFile(pdfPath, await readFile((await pdf.path())!));

      const editorImage = decodePng(editorPng);
      const scale = editorImage.width / meta.width;
      expect(scale).toBeGreaterThanOrEqual(1);
      expect(editorImage.height).toBe(Math.round(meta.height * scale));
      // pdftoppm at the PNG's resolution; the page box includes the bleed: crop to the trim box.
      const boxes = execFileSync('pdfinfo', ['-box', pdfPath], { encoding: 'utf8' });
      const trim = /TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(boxes)!;
      const media = /MediaBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(boxes)!;
      const dpi = 96 * scale;
      const pt = dpi / 72;
      const left = Math.round(Number(trim[1]) * pt);
      const top = Math.round((Number(media[4]) - Number(trim[4])) * pt);
      const base = testInfo.outputPath('pdf');
      execFileSync('pdftoppm', [
        '-r',
        String(dpi),
        '-f',
        '1',
        '-l',
        '1',
        '-x',
        String(left),
        '-y',
        String(top),
        '-W',
        String(editorImage.width),
        '-H',
        String(editorImage.height),
        '-aa',
        'yes',
        '-aaVector',
        'yes',
        '-png',
        '-singlefile',
        pdfPath,
        base,
      ]);
      const pdfImage = decodePng(await readFile(`${base}.png`));
      const result = compareImages(editorImage, pdfImage);
      await writeFile(testInfo.outputPath('editor.png'), editorPng);
      await writeFile(testInfo.outputPath('diff.png'), encodePng(result.diff));
      for (const name of ['editor.png', 'pdf.png', 'diff.png'])
        await testInfo.attach(name, { path: testInfo.outputPath(name), contentType: 'image/png' });
      testInfo.annotations.push({
        type: 'pixels',
        description: `${result.different} of ${result.total} differ (${(result.share * 100).toFixed(3)} %)`,
      });
      console.log(`${t.id}: ${result.different} of ${result.total} pixels differ (${(result.share * 100).toFixed(3)} %)`);
      expect(result.share, `differing pixels, see ${testInfo.outputPath('diff.png')}`).toBeLessThan(ALLOWED_SHARE);
    });
  }
});
