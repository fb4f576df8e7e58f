import { measureTextHeight } from '../render/index.js';
import { colorToLab, contrastRatio, deltaE2000, type BrandKit, type Lab } from '../brand/index.js';
import type { Design, TextObject } from '../design/index.js';
import { kitFont, placementMargin, topZ, uniqueId } from './design-utils.js';

export interface AllowedColor {
  name: string;
  hex: string;
  lab: Lab;
}

/** Black, white and transparent are always allowed, whatever the kit says. */
export const ALWAYS_ALLOWED_COLORS = [
  { name: 'Black', hex: '#000000' },
  { name: 'White', hex: '#ffffff' },
] as const;

const allowedCache = new WeakMap<BrandKit, AllowedColor[]>();

/** The kit palette plus black and white, with Lab values computed once per kit. */
export function allowedColors(kit: BrandKit): AllowedColor[] {
  let list = allowedCache.get(kit);
  if (!list) {
    list = [...kit.palette, ...ALWAYS_ALLOWED_COLORS].flatMap((c) => {
      const lab = colorToLab(c.hex);
      return lab ? [{ name: c.name, hex: c.hex.toLowerCase(), lab }] : [];
    });
    allowedCache.set(kit, list);
  }
  return list;
}

export interface NearestAllowed {
  color: AllowedColor;
  deltaE: number;
}

const nearestCache = new WeakMap<BrandKit, Map<string, NearestAllowed | null>>();

/** The allowed colour nearest (ΔE2000) to a colour string, cached per kit and string; null if it does not parse. */
export function nearestAllowed(kit: BrandKit, color: string): NearestAllowed | null {
  let cache = nearestCache.get(kit);
  if (!cache) nearestCache.set(kit, (cache = new Map()));
  const hit = cache.get(color);
  if (hit !== undefined) return hit;
  const lab = colorToLab(color);
  let best: NearestAllowed | null = null;
  if (lab) {
    for (const c of allowedColors(kit)) {
      const d = deltaE2000(lab, c.lab);
      if (!best || d < best.deltaE) best = { color: c, deltaE: d };
    }
  }
  if (cache.size > 4096) cache.clear();
  cache.set(color, best);
  return best;
}

/** The allowed colour with the most contrast against `background`. */
export function bestContrastColor(kit: BrandKit, background: string): string {
  let best = '#000000';
  let bestRatio = -1;
  for (const c of allowedColors(kit)) {
    const r = contrastRatio(c.hex, background);
    if (r > bestRatio) {
      bestRatio = r;
      best = c.hex;
    }
  }
  return best;
}

/**
 * A text object for an insert-object fix, placed at the bottom of the page
 * inside the margins and stacked above everything else.
 */
export function makeBottomText(
  design: Design,
  kit: BrandKit,
  opts: {
    idBase: string;
    text: string;
    role: string;
    fontRole: 'heading' | 'body' | 'disclaimer';
    fontSize?: number;
    align?: 'left' | 'center' | 'right';
    widthFraction?: number;
    bottomOffset?: number;
  },
): TextObject {
  const margin = placementMargin(design);
  const font = kitFont(kit, opts.fontRole);
  const fontSize = Math.max(font.minSize, opts.fontSize ?? font.minSize);
  const width = Math.max(40, (design.meta.width - 2 * margin) * (opts.widthFraction ?? 1));
  const height = Math.ceil(measureTextHeight({ text: opts.text, width, fontSize, fontFamily: font.family, fontWeight: 400 })) + 2;
  const y = Math.max(0, design.meta.height - margin - height - (opts.bottomOffset ?? 0));
  return {
    id: uniqueId(design, opts.idBase),
    type: 'text',
    x: margin,
    y,
    width,
    height,
    angle: 0,
    z: topZ(design),
    role: opts.role,
    text: opts.text,
    fontFamily: font.family,
    fontSize,
    fontWeight: font.weights.includes(400) ? 400 : (font.weights[0] ?? 400),
    fill: bestContrastColor(kit, design.meta.background),
    textAlign: opts.align ?? 'left',
  };
}
