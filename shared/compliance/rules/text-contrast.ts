import { colorToLab, compositeOver, contrastRatio, deltaE2000, parseColor, type Rgba } from '../../brand/index.js';
import type { Design, DesignObject, TextObject } from '../../design/index.js';
import { centre, containsPoint, describeObject, isBold, isVisible, ordered, pageOf, round2 } from '../design-utils.js';
import { allowedColors } from '../kit-utils.js';
import type { Rule, RuleFinding } from '../types.js';

/** WCAG 2.x AA: 4.5:1, or 3:1 for large text (≥ 24px, or ≥ 18.66px bold). */
export const CONTRAST_AA = 4.5;
export const CONTRAST_AA_LARGE = 3;

export function isLargeText(o: Pick<TextObject, 'fontSize' | 'fontWeight'>): boolean {
  return o.fontSize >= 24 || (o.fontSize >= 18.66 && isBold(o.fontWeight));
}

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };

/**
 * The colour behind a point, compositing the (translucent) rects and ellipses
 * stacked below `index` (on the same page) over the page background. Undefined if an image is
 * in the way (its colour is unknown).
 */
export function backdropAt(design: Design, list: readonly DesignObject[], index: number, px: number, py: number): Rgba | undefined {
  const layers: Rgba[] = [];
  const page = pageOf(list[index]!);
  for (let i = index - 1; i >= 0; i--) {
    const o = list[i]!;
    if (o.type !== 'rect' && o.type !== 'ellipse' && o.type !== 'image') continue;
    if (pageOf(o) !== page) continue;
    if (!isVisible(o) || !containsPoint(o, px, py)) continue;
    if (o.type === 'image') return undefined;
    const fill = parseColor(o.fill);
    if (!fill) continue;
    const a = fill.a * (o.opacity ?? 1);
    if (a <= 0) continue;
    layers.push({ ...fill, a });
    if (a >= 1) break;
  }
  const pageBg = parseColor(design.meta.background) ?? WHITE;
  let bg = pageBg.a < 1 ? compositeOver(pageBg, WHITE) : pageBg;
  for (let i = layers.length - 1; i >= 0; i--) bg = compositeOver(layers[i]!, bg);
  return bg;
}

/**
 * Text meets WCAG AA contrast against what is under its centre. The fix picks
 * the brand colour (palette, black or white) closest to the current colour
 * among those that pass.
 */
export const textContrast: Rule = {
  id: 'text-contrast',
  title: 'Text contrast (WCAG AA)',
  category: 'brand',
  severity: 'error',
  check(design, ctx) {
    const out: RuleFinding[] = [];
    const list = ordered(design);
    list.forEach((o, index) => {
      if (o.type !== 'text' || !isVisible(o) || !o.text.trim()) return;
      const fill = parseColor(o.fill);
      if (!fill) return;
      const c = centre(o);
      const bg = backdropAt(design, list, index, c.x, c.y);
      if (!bg) return;
      const fg = { ...fill, a: fill.a * (o.opacity ?? 1) };
      const ratio = contrastRatio(fg, bg);
      const needed = isLargeText(o) ? CONTRAST_AA_LARGE : CONTRAST_AA;
      if (ratio + 1e-9 >= needed) return;
      const current = colorToLab(o.fill);
      let best: { hex: string; name: string; d: number } | undefined;
      for (const cand of allowedColors(ctx.brandKit)) {
        if (contrastRatio(cand.hex, bg) < needed) continue;
        const d = current ? deltaE2000(current, cand.lab) : 0;
        if (!best || d < best.d) best = { hex: cand.hex, name: cand.name, d };
      }
      out.push({
        severity: 'error',
        objectIds: [o.id],
        message: `Text ${describeObject(o)} has contrast ${round2(ratio)}:1 against its background; WCAG AA needs ${needed}:1${needed === CONTRAST_AA_LARGE ? ' for large text' : ''}.`,
        ...(best
          ? { fix: { kind: 'set-props' as const, objectId: o.id, props: { fill: best.hex }, label: `Use ${best.name} ${best.hex}` } }
          : {}),
      });
    });
    return out;
  },
};
