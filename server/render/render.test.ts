/**
 * The one renderer, checked from outside: every library template through the PDF back-end, read
 * back with poppler (fonts embedded and subset, text where the layout put it, no placeholders).
 */
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { cmykSwatches, DEMO_BRAND_KIT, instantiateTemplate, type Design, type TextObject } from '../../shared/index.js';
import {
  buildScene,
  fitText,
  firstFamily,
  layoutText,
  pageGrowth,
  placeholderWarning,
  renderSvg,
  textBlockHeight,
} from '../../shared/render/index.js';
import { renderPdf } from '../../shared/render/pdf.js';
import { TEMPLATES } from '../../templates/index.js';
import { pdfFonts, pdfText } from '../test-support/poppler.js';
import { imageLoader, loadBundledFonts } from './index.js';

const loadImage = imageLoader({ dataDir: '/nonexistent' });
const date = new Date('2026-01-01T00:00:00Z');

beforeAll(() => loadBundledFonts());

describe('PDF back-end, every library template', () => {
  for (const t of TEMPLATES) {
    it(`${t.id}: each brand font is embedded and subset, all text is there, no placeholder prints`, async () => {
      const design = instantiateTemplate(t, DEMO_BRAND_KIT);
      const { bytes, scene } = await renderPdf(design, {
        loadImage,
        date,
        metadata: { title: t.title, author: 'Jordan Ellis', brokerage: 'Demo Realty' },
      });
      const fonts = pdfFonts(bytes);
      const texts = scene.pages.flatMap((p) => p.items.filter((i) => i.kind === 'text'));
      const families = new Set(texts.map((i) => (i.kind === 'text' ? firstFamily(i.fontFamily).replace(/\s+/g, '') : '')));
      expect(families.size).toBeGreaterThan(0);
      for (const family of families) {
        const used = fonts.filter((f) => f.name.replace(/^[A-Z]{6}\+/, '').startsWith(family));
        expect(used.length, `${family} in ${fonts.map((f) => f.name).join(', ')}`).toBeGreaterThan(0);
        for (const f of used) expect(f).toMatchObject({ embedded: true, subset: true, unicode: true });
      }
      expect(fonts.every((f) => f.embedded)).toBe(true);
      const text = pdfText(bytes).replace(/\s+/g, ' ');
      for (const item of texts)
        if (item.kind === 'text')
          for (const line of item.layout.lines) if (line.text.trim()) expect(text).toContain(line.text.trim().replace(/\s+/g, ' '));
      // Placeholders: left out, and listed.
      for (const p of scene.placeholders) {
        const o = design.objects[p.objectId]!;
        if (o.type === 'text') expect(text).not.toContain(o.text);
      }
      expect(text).not.toContain('Add a photo');
    });
  }
});

describe('placeholders', () => {
  const flyer = () =>
    instantiateTemplate(
      TEMPLATES.find((t) => t.id === 'listing-flyer')!,
      DEMO_BRAND_KIT,
    );

  it('empty photo frames and untouched sample copy never print, in PDF or SVG, and are listed', async () => {
    const design = flyer();
    const addr = design.objects.addr1 as TextObject;
    design.objects.addr1 = { ...addr, sampleText: addr.text };
    const { bytes, scene } = await renderPdf(design, { loadImage, date });
    expect(scene.placeholders.map((p) => p.objectId).sort()).toEqual(expect.arrayContaining(['addr1', 'hero']));
    expect(pdfText(bytes)).not.toContain(addr.text);
    const svg = renderSvg(design, { imageHref: (src) => src }).svg;
    expect(svg).not.toContain(addr.text);
    // The logo and EHO mark are drawn; the empty hero frame is not there at all.
    expect(svg.match(/<image /g)).toHaveLength(2);
    expect(placeholderWarning(scene.placeholders)).toMatch(/left out of the export: .*Hero photo/);
    // Once the agent types over it, it is content.
    design.objects.addr1 = { ...addr, text: '77 Elm Street', sampleText: addr.text };
    expect(pdfText((await renderPdf(design, { loadImage, date })).bytes)).toContain('77 Elm Street');
  });
});

describe('text fit modes with a long address', () => {
  const LONG = '12345 North Magnolia Ridge Lane Extension, Building C, Unit 4021';
  const base = (fit: TextObject['fit']): { design: Design; o: TextObject } => {
    const design = instantiateTemplate(
      TEMPLATES.find((t) => t.id === 'listing-flyer')!,
      DEMO_BRAND_KIT,
    );
    const o = { ...(design.objects.addr1 as TextObject), text: LONG, fit, minFontSize: 14 };
    design.objects.addr1 = o;
    return { design, o };
  };

  it('fixed: overflows and says so', () => {
    const { o } = base('fixed');
    const f = fitText(o);
    expect(f.layout.lines.length).toBeGreaterThan(1);
    expect(f.overflows).toBe(true);
    expect(f.layout.fontSize).toBe(o.fontSize);
  });

  it('shrink: steps the size down until it fits, not below the minimum', () => {
    const { o } = base('shrink');
    const f = fitText(o);
    expect(f.overflows).toBe(false);
    expect(f.layout.fontSize).toBeLessThan(o.fontSize);
    expect(f.layout.fontSize).toBeGreaterThanOrEqual(14);
    expect(f.layout.height).toBeLessThanOrEqual(o.height + 0.5);
    // One pixel larger would not have fitted.
    expect(layoutText(o, { fontSize: f.layout.fontSize + 1 }).height).toBeGreaterThan(o.height + 0.5);
  });

  it('listing-bound fields shrink by default', () => {
    const { o } = base(undefined);
    expect(o.binding).toMatch(/^listing\./);
    expect(fitText(o).overflows).toBe(false);
  });

  it('grow: the box grows to the text (drawn in full)', () => {
    const { design, o } = base('grow');
    const f = fitText(o);
    expect(f.overflows).toBe(false);
    expect(f.height).toBeCloseTo(textBlockHeight(f.layout.lines.length, o.fontSize, o.lineHeight), 5);
    // On the flyer, the locked footer (brokerage name, disclaimer) sits below the address: it may
    // not move, so the box cannot grow there and the scene shrinks the text to fit instead.
    expect(pageGrowth(design, 0).blocked.has('addr1')).toBe(true);
    const item = buildScene(design).pages[0]!.items.find((i) => i.id === 'addr1')!;
    expect(item.kind === 'text' && item.layout.fontSize).toBeLessThan(o.fontSize);
    expect(item.kind === 'text' && item.layout.height).toBeLessThanOrEqual(o.height + 0.5);
  });
});

describe("'grow' moves what is below the box down, in the scene walk (so every back-end agrees)", () => {
  const LONG = 'Sun-drenched corner home with a chef’s kitchen, a wrap-around porch and a garden studio';
  const text = (id: string, over: Partial<TextObject>): TextObject => ({
    id,
    type: 'text',
    x: 40,
    y: 40,
    width: 300,
    height: 30,
    angle: 0,
    z: `a${id.length}`,
    text: id,
    fontFamily: 'Open Sans',
    fontSize: 24,
    fontWeight: 400,
    fill: '#111111',
    textAlign: 'left',
    ...over,
  });
  const design = (fit: TextObject['fit'], lockedBelow = false): Design => ({
    meta: { title: 'Grow', kind: 'flyer', width: 600, height: 800, background: '#ffffff' },
    objects: {
      head: text('head', { text: LONG, fit }),
      under: text('under', { y: 90, height: 20, fontSize: 14, text: 'Underneath', locked: lockedBelow }),
      beside: text('beside', { x: 400, y: 90, width: 150, height: 20, fontSize: 14, text: 'Alongside' }),
      band: { id: 'band', type: 'rect', x: 0, y: 60, width: 600, height: 100, angle: 0, z: 'a0', fill: '#eeeeee', role: 'decoration' },
    },
  });
  const boxes = (d: Design) => Object.fromEntries(buildScene(d).pages[0]!.items.map((i) => [i.id, i.box]));
  /** Top of a word on the page, pt (pdftotext -bbox). */
  const wordTop = (pdf: Uint8Array, word: string) =>
    Number(new RegExp(`yMin="([\\d.]+)"[^>]*>${word}<`).exec(pdfText(pdf, { bbox: true }))![1]);

  it('the box grows to its text and what sits below it moves down by the growth; what is beside it and decorations stay', async () => {
    const fixed = boxes(design('fixed'));
    const grown = boxes(design('grow'));
    const growth = grown.head!.height - 30;
    expect(growth).toBeGreaterThan(40); // three lines or more in a 30 px box
    expect(grown.under!.y).toBeCloseTo(90 + growth, 5);
    expect(grown.beside!.y).toBe(90);
    expect(grown.band).toEqual(fixed.band);
    // The PDF draws it there: the word below sits lower by the growth (px → pt).
    const [a, b] = await Promise.all([renderPdf(design('fixed'), { loadImage, date }), renderPdf(design('grow'), { loadImage, date })]);
    expect(wordTop(b.bytes, 'Underneath') - wordTop(a.bytes, 'Underneath')).toBeCloseTo(growth * 0.75, 1);
    expect(wordTop(b.bytes, 'Alongside')).toBeCloseTo(wordTop(a.bytes, 'Alongside'), 3);
    // The SVG back-end too.
    expect(renderSvg(design('grow'), { imageHref: (s) => s }).svg).toContain(`${(90 + growth).toFixed(2).replace(/\.?0+$/, '')}`);
  });

  it('a locked object below: the box cannot grow, so it shrinks to fit and nothing moves', () => {
    const d = design('grow', true);
    const grown = boxes(d);
    expect(grown.under!.y).toBe(90);
    const head = buildScene(d).pages[0]!.items.find((i) => i.id === 'head')!;
    expect(head.kind === 'text' && head.layout.fontSize).toBeLessThan(24);
    expect(head.kind === 'text' && head.layout.height).toBeLessThanOrEqual(30.5);
  });
});

describe('print (CMYK)', () => {
  /** The page's content streams, inflated, as text (the drawing operators). */
  const operators = (pdf: Uint8Array) => {
    const buf = Buffer.from(pdf);
    const out: string[] = [];
    for (let at = buf.indexOf('stream\n'); at >= 0; at = buf.indexOf('stream\n', at + 1)) {
      const end = buf.indexOf('endstream', at);
      try {
        out.push(inflateSync(buf.subarray(at + 7, end)).toString('latin1'));
      } catch {
        out.push(buf.subarray(at + 7, end).toString('latin1'));
      }
    }
    return out.join('\n');
  };

  it("writes the brand kit's CMYK values as DeviceCMYK for its colours; other colours stay RGB; crop marks in registration", async () => {
    const design = instantiateTemplate(
      TEMPLATES.find((t) => t.id === 'listing-flyer')!,
      DEMO_BRAND_KIT,
    );
    const swatches = cmykSwatches(DEMO_BRAND_KIT);
    expect(swatches.map((s) => s.hex)).toEqual(['#1f3a5f', '#c9a227']);
    const rgbPdf = operators((await renderPdf(design, { loadImage, date, cropMarks: true })).bytes);
    const cmykPdf = operators((await renderPdf(design, { loadImage, date, cropMarks: true, cmyk: swatches })).bytes);
    const navyRgb = /0\.1215\d* 0\.2274\d* 0\.3725\d* rg/;
    // RGB by default: the navy band as rg, no CMYK anywhere.
    expect(rgbPdf).toMatch(navyRgb);
    expect(rgbPdf).not.toMatch(/ k\n/);
    // Print (CMYK): navy (100/72/30/35) and gold (20/32/100/4) as fill (k) and, for text in them, too; no navy rg left.
    expect(cmykPdf).toMatch(/\n1 0\.72 0\.3 0\.35 k\n/);
    expect(cmykPdf).toMatch(/\n0\.2 0\.32 1 0\.04 k\n/);
    expect(cmykPdf).not.toMatch(navyRgb);
    // A colour without CMYK values (the white text, the slate grey) stays RGB.
    expect(cmykPdf).toMatch(/\n1 1 1 rg\n/);
    expect(cmykPdf).toMatch(/\n1 1 1 1 K\n/);
    expect(rgbPdf).toMatch(/\n0 0 0 RG\n/);
  });
});
