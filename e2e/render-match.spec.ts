/**
 * One renderer, checked from outside. For each library template, with a listing field given a long
 * address (it shrinks to fit) in the editor:
 * - the editor's canvas and the print PDF show the same page: the PNG the editor exports (fabric
 *   drawing in Chromium, text laid out by the shared layout) and the PDF, rasterised by poppler's
 *   pdftoppm at the same resolution and cropped to the trim box, compared pixel by pixel with a
 *   tolerance for the two rasterisers' anti-aliasing. Both images and the difference (red) are
 *   saved beside the test's results for a person to look at;
 * - the server's PDF of the design is the client's: the same fonts embedded (pdffonts), every word
 *   at the same position (pdftotext -bbox) and the same page boxes (pdfinfo -box).
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { expect, openEditor, test } from './fixtures.js';
import { compareImages, decodePng, encodePng } from './pixels.js';
import { TEMPLATES } from '../templates/index.js';
import { pdfFonts, pdfText } from '../server/test-support/poppler.js';

const LONG_ADDRESS = '12345 North Magnolia Ridge Lane Extension, Building C, Unit 4021';

/** What must be the same in two PDFs of one design (everything but dates, ids and image encodings). */
function printedContent(pdf: Uint8Array, path: string) {
  return {
    fonts: pdfFonts(pdf)
      .map((f) => ({ ...f, name: f.name.replace(/^[A-Z]{6}\+/, '') }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    words: [
      ...pdfText(pdf, { bbox: true }).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
    ].map((m) => `${m[5]} @ ${m[1]},${m[2]} ${m[3]},${m[4]}`),
    boxes: execFileSync('pdfinfo', ['-box', '-f', '1', '-l', '99', path], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => /Box:|Pages:/.test(l)),
  };
}

/**
 * Largest share of pixels allowed to differ (outside anti-aliased edges). Measured: 0.014–0.106 %
 * across the library; the whole flyer shifted by 3 design px differs by 0.51 %.
 */
const ALLOWED_SHARE = 0.003;

test.describe('one renderer: editor PNG vs PDF through pdftoppm, server PDF vs client PDF', () => {
  for (const t of TEMPLATES) {
    test(`${t.id}: the page the editor draws is the page the PDF prints, and the server prints the client's PDF`, async ({
      agentA,
    }, testInfo) => {
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

      // An edit in the editor: a listing field on the first page gets a long address.
      const edited = await page.evaluate((text) => {
        const { editor } = (window as any).__realbrand;
        const field = editor.binding
          .allModels()
          .find((o: any) => o.type === 'text' && (o.page ?? 0) === 0 && typeof o.binding === 'string' && o.binding.startsWith('listing.'));
        if (field) editor.setProps([field.id], { text });
        return (field?.id as string | undefined) ?? null;
      }, LONG_ADDRESS);
      const serverPdf = async () => new Uint8Array(await (await agentA.context.request.get(`/api/designs/${id}/export.pdf`)).body());
      if (edited) await expect.poll(async () => pdfText(await serverPdf()).replace(/\s+/g, ' ')).toContain('Magnolia Ridge Lane Extension');

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

      // The server's PDF of the same design prints the same thing, in the same place.
      const serverPath = testInfo.outputPath('server.pdf');
      const server = await serverPdf();
      await writeFile(serverPath, server);
      const client = printedContent(new Uint8Array(await readFile(pdfPath)), pdfPath);
      expect(client.words.length).toBeGreaterThan(3);
      expect(client.fonts.length).toBeGreaterThan(0);
      expect(printedContent(server, serverPath)).toEqual(client);

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
