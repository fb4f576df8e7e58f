import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEMO_BRAND_KIT,
  DesignSchema,
  PRINT_KINDS,
  instantiateTemplate,
  listTemplateTokens,
  objectsInOrder,
  spacedKeys,
  type BrandKit,
  type Design,
  type DesignObject,
  type TextObject,
} from '../shared/index.js';
import { contrastRatio } from '../shared/template/color.js';
import { TEMPLATES, getTemplate, templateSummaries } from './index.js';
import { ALT_KIT } from './tools/kits.js';
import { loadBundledFonts } from '../server/render/fonts.js';
import { fitText, layoutText } from '../shared/render/index.js';

const KITS: [string, BrandKit][] = [
  ['demo kit', DEMO_BRAND_KIT],
  ['alt kit', ALT_KIT],
];
const SAFE = 12;
const BRAND_ROLES = ['logo', 'disclaimer', 'eho-logo', 'brokerage-name'];
/** Elements that may run into the bleed; everything else stays in the safe area. */
const BLEEDABLE_ROLES = ['decoration', 'background', 'photo'];
const BINDING_RE =
  /^(?:listing\.(?:ListPrice|PreviousListPrice|statusLabel|address\.line[12]|facts|PublicRemarks|OpenHouse|photo\.\d+)|agent\.(?:name|phone|email|license|photo)|office\.(?:name|address|phone|license))$/;

const REQUIRED: Record<string, { kind: string; width: number; height: number; pages?: number }> = {
  'listing-flyer': { kind: 'flyer', width: 816, height: 1056 },
  'open-house-flyer': { kind: 'open-house', width: 816, height: 1056 },
  'just-listed-post': { kind: 'social-post', width: 1080, height: 1080 },
  'just-sold-post': { kind: 'social-post', width: 1080, height: 1080 },
  'listing-story': { kind: 'story', width: 1080, height: 1920 },
  postcard: { kind: 'postcard', width: 576, height: 384 },
  'business-card': { kind: 'business-card', width: 336, height: 192 },
  'email-signature': { kind: 'email-signature', width: 600, height: 200 },
  'feature-sheet': { kind: 'feature-sheet', width: 816, height: 1056, pages: 2 },
  'price-reduced': { kind: 'price-reduced', width: 0, height: 0 },
};

const isPrint = (d: Design) => PRINT_KINDS.includes(d.meta.kind);

/** The colour behind the centre of a text box: the topmost filled shape below it, or the page. Null over a photo. */
function backgroundOf(design: Design, text: TextObject): string | null {
  const stack = objectsInOrder(design).filter((o) => (o.page ?? 0) === (text.page ?? 0));
  const cx = text.x + text.width / 2;
  const cy = text.y + text.height / 2;
  for (let i = stack.indexOf(text) - 1; i >= 0; i--) {
    const o = stack[i]!;
    if (o.visible === false || o.type === 'text' || o.type === 'line') continue;
    if (cx < o.x || cx > o.x + o.width || cy < o.y || cy > o.y + o.height) continue;
    if (o.type === 'image') return null;
    if (o.opacity !== undefined && o.opacity < 1) return null;
    return o.fill;
  }
  return design.meta.background;
}

function isLarge(t: TextObject): boolean {
  const weight = Number(t.fontWeight);
  return t.fontSize >= 24 || (t.fontSize >= 18.66 && weight >= 700);
}

describe('template library', () => {
  it('loads at least ten templates, listing-flyer first, ids unique', () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(10);
    expect(TEMPLATES[0]!.id).toBe('listing-flyer');
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    expect(templateSummaries().map((s) => s.id)).toEqual(TEMPLATES.map((t) => t.id));
    expect(getTemplate('no-such-template')).toBeUndefined();
  });

  it('loads every JSON document in the folder', () => {
    const files = readdirSync(dirname(fileURLToPath(import.meta.url))).filter((f) => f.endsWith('.json'));
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(TEMPLATES.map((t) => t.id).sort());
  });

  it.each(Object.entries(REQUIRED))('has %s with the right kind and size', (id, want) => {
    const t = getTemplate(id);
    expect(t, id).toBeDefined();
    expect(t!.kind).toBe(want.kind);
    if (want.width) expect([t!.design.meta.width, t!.design.meta.height]).toEqual([want.width, want.height]);
    if (want.pages) expect(t!.design.meta.pages).toBe(want.pages);
    if (id === 'price-reduced')
      expect([
        [816, 1056],
        [1080, 1080],
      ]).toContainEqual([t!.design.meta.width, t!.design.meta.height]);
  });
});

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', (_id, t) => {
  const objects = Object.values(t.design.objects);
  const meta = t.design.meta;

  it('has short ids and clean spaced z keys', () => {
    for (const o of objects) expect(o.id.length, o.id).toBeLessThanOrEqual(16);
    expect(objects.map((o) => o.z).sort()).toEqual(spacedKeys(objects.length));
  });

  it('uses palette and font tokens, not raw colours or families', () => {
    const colours = [
      meta.background,
      ...objects.flatMap((o) => ('fill' in o ? [o.fill] : []).concat('stroke' in o && o.stroke ? [o.stroke] : [])),
    ];
    for (const c of colours) expect(c.startsWith('$') || ['#ffffff', '#000000'].includes(c.toLowerCase()), c).toBe(true);
    for (const o of objects) if (o.type === 'text') expect(o.fontFamily).toMatch(/^\$font\./);
  });

  it('keeps text at or above the kit minimum sizes', () => {
    const min = { heading: 18, body: 11, disclaimer: 8 } as Record<string, number>;
    for (const o of objects) {
      if (o.type !== 'text') continue;
      expect(o.fontSize, o.id).toBeGreaterThanOrEqual(min[o.fontFamily.slice('$font.'.length)]!);
      if (o.role === 'disclaimer') expect(o.fontSize).toBeGreaterThanOrEqual(8);
    }
  });

  it('has every brand element, locked and with its role', () => {
    const pages = meta.pages ?? 1;
    for (const role of BRAND_ROLES) {
      const found = objects.filter((o) => o.role === role);
      expect(found.length, `${role}`).toBeGreaterThan(0);
      for (const o of found) expect(o.locked, `${o.id} (${role}) locked`).toBe(true);
    }
    expect(objects.some((o) => o.role === 'logo' && o.type === 'image' && o.src.startsWith('$logo.'))).toBe(true);
    expect(objects.some((o) => o.role === 'eho-logo' && o.type === 'image' && o.src === '$eho')).toBe(true);
    expect(objects.some((o) => o.role === 'disclaimer' && o.type === 'text' && o.text.includes('{{disclaimer.'))).toBe(true);
    expect(objects.some((o) => o.role === 'brokerage-name' && o.type === 'text' && o.text.includes('{{brokerage.legalName}}'))).toBe(true);
    // Every page carries the logo.
    for (let p = 0; p < pages; p++)
      expect(
        objects.some((o) => o.role === 'logo' && (o.page ?? 0) === p),
        `logo on page ${p}`,
      ).toBe(true);
  });

  it('binds listing and agent data, with sample text and empty image sources', () => {
    for (const o of objects) {
      if (!o.binding) continue;
      expect(o.binding, o.id).toMatch(BINDING_RE);
      if (o.type === 'text') expect(o.text.trim().length, o.id).toBeGreaterThan(0);
      if (o.type === 'image') expect(o.src, o.id).toBe('');
    }
    const bindings = new Set(objects.map((o) => o.binding));
    if (t.id === 'open-house-flyer') expect(bindings.has('listing.OpenHouse')).toBe(true);
    if (t.kind !== 'business-card' && t.kind !== 'email-signature') expect(bindings.has('listing.address.line1')).toBe(true);
    expect(bindings.has('agent.name')).toBe(true);
  });

  it('keeps objects on the page or its bleed, and print content in the safe area', () => {
    const bleed = meta.bleed ?? 0;
    if (isPrint(t.design as Design)) expect(bleed).toBeGreaterThanOrEqual(12);
    const inside = (o: DesignObject, pad: number) =>
      o.x >= -pad - 0.01 && o.y >= -pad - 0.01 && o.x + o.width <= meta.width + pad + 0.01 && o.y + o.height <= meta.height + pad + 0.01;
    for (const o of objects as DesignObject[]) {
      expect(inside(o, bleed), `${o.id} within page + bleed`).toBe(true);
      const bleedable = o.type !== 'text' && BLEEDABLE_ROLES.includes(o.role ?? '');
      if (!bleedable) expect(inside(o, isPrint(t.design as Design) ? -SAFE : 0), `${o.id} inside the safe area`).toBe(true);
      if (bleed > 0) {
        // Anything that crosses the trim runs all the way to the bleed edge (no slivers).
        if (o.x < 0) expect(o.x, `${o.id} left edge`).toBe(-bleed);
        if (o.y < 0) expect(o.y, `${o.id} top edge`).toBe(-bleed);
        if (o.x + o.width > meta.width) expect(o.x + o.width, `${o.id} right edge`).toBe(meta.width + bleed);
        if (o.y + o.height > meta.height) expect(o.y + o.height, `${o.id} bottom edge`).toBe(meta.height + bleed);
      }
    }
  });

  if (t.id === 'feature-sheet') {
    it('has two pages with content on each', () => {
      expect(meta.pages).toBe(2);
      expect(objects.some((o) => (o.page ?? 0) === 0)).toBe(true);
      expect(objects.some((o) => o.page === 1)).toBe(true);
      expect(objects.some((o) => o.page === 1 && o.role === 'disclaimer')).toBe(true);
    });
  }

  describe.each(KITS)('with the %s', (_name, kit) => {
    const design = instantiateTemplate(t, kit);

    it('resolves every token into a valid design', () => {
      expect(listTemplateTokens(design)).toEqual([]);
      expect(DesignSchema.safeParse(design).success).toBe(true);
      expect(design.meta.templateId).toBe(t.id);
      expect(design.meta.templateVersion).toBe(t.version);
    });

    it('fits every text in its box at its own size (the one text layout, brand font files)', async () => {
      await loadBundledFonts();
      for (const o of Object.values(design.objects)) {
        if (o.type !== 'text') continue;
        const fit = fitText(o);
        const lines = fit.layout.lines.map((l) => l.text).join(' / ');
        expect(
          fit.overflows,
          `${o.id}: "${lines}" needs ${fit.layout.width.toFixed(0)}×${fit.layout.height.toFixed(0)}, has ${o.width}×${o.height}`,
        ).toBe(false);
        expect(fit.layout.fontSize, `${o.id} had to shrink: "${lines}"`).toBe(o.fontSize);
        expect(layoutText(o).width, `${o.id}: a word is wider than the box`).toBeLessThanOrEqual(o.width);
      }
    });

    it('gives text WCAG AA contrast against what is behind it', () => {
      for (const o of Object.values(design.objects)) {
        if (o.type !== 'text') continue;
        const bg = backgroundOf(design, o);
        expect(bg, `${o.id} sits on a photo without a solid panel`).not.toBeNull();
        const ratio = contrastRatio(o.fill, bg!);
        expect(ratio, `${o.id}: ${o.fill} on ${bg} = ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(isLarge(o) ? 3 : 4.5);
      }
    });
  });
});
