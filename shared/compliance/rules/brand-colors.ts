import { colorToLab, contrastRatio, deltaE2000, parseColor, type BrandKit } from '../../brand/index.js';
import type { Design, DesignObject, TextObject } from '../../design/index.js';
import { isVisible, ordered, round2 } from '../design-utils.js';
import { allowedColors, nearestAllowed, type AllowedColor } from '../kit-utils.js';
import { backdropAt, CONTRAST_AA, CONTRAST_AA_LARGE, isLargeText } from './text-contrast.js';
import type { Rule, RuleFinding } from '../types.js';

/** ΔE2000 up to PASS is on-brand; up to WARN is a warning; beyond is an error. */
export const COLOR_DELTA_E_PASS = 2;
export const COLOR_DELTA_E_WARN = 5;

const PROPS_BY_TYPE: Record<DesignObject['type'], readonly string[]> = {
  text: ['fill'],
  rect: ['fill', 'stroke'],
  ellipse: ['fill', 'stroke'],
  line: ['stroke'],
  image: [],
};

const PROP_LABEL: Record<string, string> = { fill: 'fill', stroke: 'stroke' };

/**
 * For text, snap to the nearest brand colour that still meets WCAG AA against
 * what is behind it (so the palette fix never creates a contrast problem);
 * undefined when the backdrop is unknown or no brand colour passes.
 */
function readableSnap(design: Design, o: TextObject, value: string, kit: BrandKit): AllowedColor | undefined {
  const list = ordered(design);
  const bg = backdropAt(design, list, list.indexOf(o), o.x + o.width / 2, o.y + o.height / 2);
  const lab = colorToLab(value);
  if (!bg || !lab) return undefined;
  const needed = isLargeText(o) ? CONTRAST_AA_LARGE : CONTRAST_AA;
  let best: { c: AllowedColor; d: number } | undefined;
  for (const c of allowedColors(kit)) {
    if (contrastRatio(c.hex, bg) < needed) continue;
    const d = deltaE2000(lab, c.lab);
    if (!best || d < best.d) best = { c, d };
  }
  return best?.c;
}

/**
 * Colours must come from the brand palette (black, white and transparent
 * always allowed): ΔE2000 ≤ 2 passes, ≤ 5 is a warning, beyond is an error.
 * The fix snaps to the nearest brand colour (for text, the nearest one that
 * stays readable on its background).
 */
export const brandColors: Rule = {
  id: 'brand-colors',
  title: 'Brand palette colors',
  category: 'brand',
  severity: 'error',
  check(design, ctx) {
    const out: RuleFinding[] = [];
    const kit = ctx.brandKit;
    const judge = (value: string, what: string, objectId: string | null, prop: string, textObject?: TextObject) => {
      const rgba = parseColor(value);
      if (!rgba) {
        out.push({
          severity: 'warning',
          objectIds: objectId ? [objectId] : [],
          message: `${what} "${value}" is not a color the brand checker understands.`,
        });
        return;
      }
      if (rgba.a === 0) return;
      const nearest = nearestAllowed(kit, value);
      if (!nearest) return;
      const { deltaE } = nearest;
      if (deltaE <= COLOR_DELTA_E_PASS) return;
      const color = (textObject && readableSnap(design, textObject, value, kit)) || nearest.color;
      const severity = deltaE <= COLOR_DELTA_E_WARN ? 'warning' : 'error';
      const label = `Use ${color.name} ${color.hex}`;
      out.push({
        severity,
        objectIds: objectId ? [objectId] : [],
        message: `${what} ${value} is ${severity === 'warning' ? 'close to but not' : 'not'} a brand color (nearest: ${nearest.color.name} ${nearest.color.hex}, ΔE ${round2(deltaE)}).`,
        fix: objectId
          ? { kind: 'set-props', objectId, props: { [prop]: color.hex }, label }
          : { kind: 'set-meta', props: { [prop]: color.hex }, label },
      });
    };
    judge(design.meta.background, 'Page background', null, 'background');
    for (const o of ordered(design)) {
      if (!isVisible(o)) continue;
      for (const prop of PROPS_BY_TYPE[o.type]) {
        const value = (o as Record<string, unknown>)[prop];
        if (typeof value !== 'string' || value === '') continue;
        if (prop === 'stroke' && (o as { strokeWidth?: number }).strokeWidth === 0) continue;
        const name = o.name ?? o.role ?? o.type;
        judge(value, `${name[0]!.toUpperCase()}${name.slice(1)} ${PROP_LABEL[prop]}`, o.id, prop, o.type === 'text' ? o : undefined);
      }
    }
    return out;
  },
};
