// @vitest-environment jsdom
/**
 * The editor's canvas lays text out with the shared text layout: for every library template, each
 * text box of the headless engine (fabric on node-canvas, the real binding) breaks its lines where
 * shared/render's layout breaks them, at the same size, width and height the PDF back-end draws.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { Textbox } from 'fabric';
import { DEMO_BRAND_KIT, instantiateTemplate, type Design, type TextObject } from '../../../../shared/index.js';
import { fitText, fontBook, pageGrowth } from '../../../../shared/render/index.js';
import { loadFontFiles } from '../../../../shared/render/font-files.js';
import { TEMPLATES } from '../../../../templates/index.js';
import { seedDesign, TestEngine } from './test-support/test-engine.js';

const require = createRequire(import.meta.url);
const loadFonts = () => loadFontFiles(async (path) => new Uint8Array(await readFile(require.resolve(path))));

const engines: TestEngine[] = [];
afterEach(() => {
  for (const e of engines.splice(0)) e.dispose();
});

function open(design: Design): TestEngine {
  const e = new TestEngine('editor', { canEdit: true, canLock: true }, seedDesign(Object.values(design.objects), design.meta));
  engines.push(e);
  return e;
}

const texts = (design: Design) => Object.values(design.objects).filter((o): o is TextObject => o.type === 'text' && o.text.trim() !== '');

/** What the engine shows for a text object, and what the shared layout (the PDF's) says. */
function compare(e: TestEngine, o: TextObject) {
  const tb = e.fabric(o.id) as Textbox;
  const layout = fitText(o).layout;
  return {
    engine: { lines: tb.textLines, fontSize: tb.fontSize, width: tb.width, height: Math.round(tb.height * 1000) / 1000 },
    layout: {
      lines: layout.lines.map((l) => l.text),
      fontSize: layout.fontSize,
      width: Math.max(1, layout.width),
      height: Math.round(layout.height * 1000) / 1000,
    },
  };
}

const LONG_ADDRESS = '12345 North Magnolia Ridge Lane Extension, Building C, Unit 4021';

describe('the editor lays text out with the shared layout', () => {
  it('text laid out before the font files arrive is laid out again with them (the editor loads them after its first frame)', async () => {
    expect(fontBook.size).toBe(0);
    const design = instantiateTemplate(
      TEMPLATES.find((t) => t.id === 'listing-flyer')!,
      DEMO_BRAND_KIT,
    );
    const addr = { ...(design.objects.addr1 as TextObject), text: LONG_ADDRESS };
    design.objects.addr1 = addr;
    const e = open(design);
    // Before: the canvas measured (node-canvas has none of the brand fonts) and nothing shrank.
    expect((e.fabric('addr1') as Textbox).fontSize).toBe(addr.fontSize);
    await loadFonts();
    e.binding.relayoutText();
    const { engine, layout } = compare(e, addr);
    expect(layout.fontSize).toBeLessThan(addr.fontSize); // listing fields shrink to fit
    expect(engine).toEqual(layout);
  });

  for (const t of TEMPLATES) {
    it(`${t.id}: every text box breaks its lines where the PDF does`, async () => {
      await loadFonts();
      const design = instantiateTemplate(t, DEMO_BRAND_KIT);
      const e = open(design);
      const all = texts(design);
      expect(all.length).toBeGreaterThan(0);
      for (const o of all) {
        const { engine, layout } = compare(e, o);
        expect(engine, o.id).toEqual(layout);
      }
    });
  }

  it('narrowed boxes and long copy: still the same breaks, each wrapped line in the box', async () => {
    await loadFonts();
    const design = instantiateTemplate(
      TEMPLATES.find((t) => t.id === 'listing-flyer')!,
      DEMO_BRAND_KIT,
    );
    const e = open(design);
    for (const o of texts(design)) {
      for (const width of [60, 140, 333]) {
        e.set(o.id, { width, text: `${o.text} ${LONG_ADDRESS}`, fit: 'fixed' });
        const now = e.model(o.id) as TextObject;
        const { engine, layout } = compare(e, now);
        expect(engine.lines, `${o.id} at ${width}`).toEqual(layout.lines);
        expect(engine.lines.length).toBeGreaterThan(1);
      }
    }
  });

  it('a family without font files is drawn in the family the PDF prints it in, with its breaks', async () => {
    await loadFonts();
    const design = instantiateTemplate(
      TEMPLATES.find((t) => t.id === 'listing-flyer')!,
      DEMO_BRAND_KIT,
    );
    const o = { ...texts(design)[0]!, fontFamily: 'Arial', text: LONG_ADDRESS, width: 200, fit: 'fixed' as const };
    design.objects[o.id] = o;
    const e = open(design);
    const tb = e.fabric(o.id) as Textbox;
    expect(tb.fontFamily).toMatch(/^"Open Sans"/);
    expect(compare(e, o).engine).toEqual(compare(e, o).layout);
  });

  it('a shrink box keeps its height when moved (the font size fits the box, the box does not follow the text)', async () => {
    await loadFonts();
    const design = instantiateTemplate(
      TEMPLATES.find((t) => t.id === 'listing-flyer')!,
      DEMO_BRAND_KIT,
    );
    const addr = { ...(design.objects.addr1 as TextObject), text: LONG_ADDRESS, fit: 'shrink' as const };
    design.objects.addr1 = addr;
    const e = open(design);
    const tb = e.fabric('addr1') as Textbox;
    expect(tb.fontSize).toBeLessThan(addr.fontSize);
    const c = tb.getCenterPoint();
    e.canvas.setActiveObject(tb);
    e.drag({ x: c.x, y: c.y }, { x: c.x + 20, y: c.y + 10 });
    const moved = e.model('addr1') as TextObject;
    expect(moved.x).toBeCloseTo(addr.x + 20, 1);
    expect(moved.y).toBeCloseTo(addr.y + 10, 1);
    expect(moved.height).toBe(addr.height);
    expect(compare(e, moved).engine).toEqual(compare(e, moved).layout);
  });
});

describe("'grow' boxes in the editor", () => {
  it('typing more into a grow box grows it and moves what is below it down by the growth, as the scene walk draws it', async () => {
    await loadFonts();
    const base = {
      type: 'text' as const,
      angle: 0,
      fontFamily: 'Open Sans',
      fontWeight: 400,
      fill: '#111111',
      textAlign: 'left' as const,
    };
    const head: TextObject = {
      ...base,
      id: 'head',
      x: 40,
      y: 40,
      width: 300,
      height: 33.9,
      z: 'a1',
      text: 'Short',
      fontSize: 30,
      fit: 'grow',
    };
    const under: TextObject = { ...base, id: 'under', x: 40, y: 90, width: 300, height: 20, z: 'a2', text: 'Underneath', fontSize: 14 };
    const beside: TextObject = { ...base, id: 'beside', x: 400, y: 90, width: 150, height: 20, z: 'a3', text: 'Alongside', fontSize: 14 };
    const design: Design = {
      meta: { title: 'Grow', kind: 'flyer', width: 600, height: 800, background: '#ffffff' },
      objects: { head, under, beside },
    };
    const e = open(design);
    // As the properties panel does (Editor.setProps): set the text, then write the measured height.
    e.set('head', { text: LONG_ADDRESS });
    e.binding.syncTextHeights(['head']);
    const grown = e.model('head') as TextObject;
    const growth = grown.height - head.height;
    expect(growth).toBeGreaterThan(30);
    expect(e.model('under')!.y).toBeCloseTo(90 + growth, 1);
    expect(e.model('beside')!.y).toBe(90);
    // The fabric objects follow, and the scene walk finds nothing left to move.
    expect(e.box('under').y).toBeCloseTo(90 + growth, 1);
    const now: Design = { meta: design.meta, objects: { head: grown, under: e.model('under')!, beside: e.model('beside')! } };
    expect(pageGrowth(now, 0).offsets.size).toBe(0);
  });
});
