/**
 * Colour math for brand and accessibility rules: parsing CSS-ish colour
 * strings, sRGB → CIE Lab (D65), CIEDE2000 colour difference, WCAG 2.x
 * relative luminance and contrast ratio, and nearest-palette lookup.
 *
 * Pure and isomorphic. Parsing results are cached per string, so scoring a
 * design with hundreds of objects that share a handful of colours does not
 * re-parse or re-convert them.
 */

/** An sRGB colour with 8-bit channels (0–255, may be fractional) and alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** CIE L*a*b* (D65 reference white). */
export interface Lab {
  L: number;
  a: number;
  b: number;
}

const NAMED: Record<string, Rgba> = {
  black: { r: 0, g: 0, b: 0, a: 1 },
  white: { r: 255, g: 255, b: 255, a: 1 },
  transparent: { r: 0, g: 0, b: 0, a: 0 },
};

const HEX_RE = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
// rgb(1, 2, 3) / rgba(1, 2, 3, 0.5) / rgb(1 2 3 / 50%) / percentages.
const RGB_RE = /^rgba?\(\s*([+-]?[\d.]+%?)\s*[,\s]\s*([+-]?[\d.]+%?)\s*[,\s]\s*([+-]?[\d.]+%?)\s*(?:[,/]\s*([+-]?[\d.]+%?)\s*)?\)$/i;

const parseCache = new Map<string, Rgba | null>();
const PARSE_CACHE_MAX = 2048;

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

function channel(token: string): number {
  if (token.endsWith('%')) return clamp((parseFloat(token) / 100) * 255, 0, 255);
  return clamp(parseFloat(token), 0, 255);
}

function alphaChannel(token: string | undefined): number {
  if (token === undefined) return 1;
  if (token.endsWith('%')) return clamp(parseFloat(token) / 100, 0, 1);
  return clamp(parseFloat(token), 0, 1);
}

function parseUncached(input: string): Rgba | null {
  const s = input.trim().toLowerCase();
  const named = NAMED[s];
  if (named) return { ...named };
  const hex = HEX_RE.exec(s);
  if (hex) {
    let h = hex[1]!;
    if (h.length <= 4) h = [...h].map((c) => c + c).join('');
    const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
    return { r: n(0), g: n(2), b: n(4), a: h.length === 8 ? n(6) / 255 : 1 };
  }
  const rgb = RGB_RE.exec(s);
  if (rgb) {
    const vals = [rgb[1]!, rgb[2]!, rgb[3]!].map(channel);
    if (vals.some((v) => Number.isNaN(v))) return null;
    const a = alphaChannel(rgb[4]);
    if (Number.isNaN(a)) return null;
    return { r: vals[0]!, g: vals[1]!, b: vals[2]!, a };
  }
  return null;
}

/**
 * Parse `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()` (comma or
 * space syntax, numbers or percentages) and the names black, white and
 * transparent. Returns null for anything else. Case-insensitive.
 */
export function parseColor(input: string): Rgba | null {
  const cached = parseCache.get(input);
  if (cached !== undefined) return cached && { ...cached };
  const parsed = parseUncached(input);
  if (parseCache.size >= PARSE_CACHE_MAX) parseCache.clear();
  parseCache.set(input, parsed);
  return parsed && { ...parsed };
}

/** `#rrggbb` (alpha dropped), lower case. */
export function toHex(c: Rgba): string {
  const h = (v: number) =>
    Math.round(clamp(v, 0, 255))
      .toString(16)
      .padStart(2, '0');
  return `#${h(c.r)}${h(c.g)}${h(c.b)}`;
}

/** Normalise any parseable colour to `#rrggbb`, or null. */
export function normalizeHex(input: string): string | null {
  const c = parseColor(input);
  return c ? toHex(c) : null;
}

/** Composite `top` over `bottom` (source-over); the result is opaque if bottom is. */
export function compositeOver(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  const mix = (t: number, b: number) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

/** sRGB channel (0–255) → linear light (0–1). */
function linearize(v: number): number {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

// D65 reference white (2° observer), as used by sRGB.
const XN = 0.95047;
const YN = 1.0;
const ZN = 1.08883;
const EPS = 216 / 24389;
const KAPPA = 24389 / 27;

function labF(t: number): number {
  return t > EPS ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
}

/** sRGB → CIE L*a*b* under D65 (alpha ignored). */
export function rgbToLab(c: Rgba): Lab {
  const r = linearize(c.r);
  const g = linearize(c.g);
  const b = linearize(c.b);
  const x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = 0.0193339 * r + 0.119192 * g + 0.9503041 * b;
  const fx = labF(x / XN);
  const fy = labF(y / YN);
  const fz = labF(z / ZN);
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

const labCache = new Map<string, Lab | null>();

/** Lab of a colour string (cached), or null when it does not parse. */
export function colorToLab(input: string): Lab | null {
  const cached = labCache.get(input);
  if (cached !== undefined) return cached;
  const c = parseColor(input);
  const lab = c ? rgbToLab(c) : null;
  if (labCache.size >= PARSE_CACHE_MAX) labCache.clear();
  labCache.set(input, lab);
  return lab;
}

const DEG = Math.PI / 180;
const POW25_7 = 25 ** 7;

/** Hue angle in degrees (0–360), 0 for a neutral colour. */
function hueAngle(b: number, ap: number): number {
  if (b === 0 && ap === 0) return 0;
  const h = Math.atan2(b, ap) / DEG;
  return h < 0 ? h + 360 : h;
}

/**
 * CIEDE2000 colour difference (kL = kC = kH = 1), following Sharma, Wu &
 * Dalal (2005), including their notes on hue angle and mean hue when one
 * chroma is zero.
 */
export function deltaE2000(lab1: Lab, lab2: Lab): number {
  const { L: L1, a: a1, b: b1 } = lab1;
  const { L: L2, a: a2, b: b2 } = lab2;
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cbar = (C1 + C2) / 2;
  const Cbar7 = Cbar ** 7;
  const G = 0.5 * (1 - Math.sqrt(Cbar7 / (Cbar7 + POW25_7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const h1p = hueAngle(b1, a1p);
  const h2p = hueAngle(b2, a2p);

  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin((dhp / 2) * DEG);

  const Lbarp = (L1 + L2) / 2;
  const Cbarp = (C1p + C2p) / 2;
  let hbarp = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hbarp = (h1p + h2p) / 2;
    else if (h1p + h2p < 360) hbarp = (h1p + h2p + 360) / 2;
    else hbarp = (h1p + h2p - 360) / 2;
  }
  const T =
    1 -
    0.17 * Math.cos((hbarp - 30) * DEG) +
    0.24 * Math.cos(2 * hbarp * DEG) +
    0.32 * Math.cos((3 * hbarp + 6) * DEG) -
    0.2 * Math.cos((4 * hbarp - 63) * DEG);
  const dTheta = 30 * Math.exp(-(((hbarp - 275) / 25) ** 2));
  const Cbarp7 = Cbarp ** 7;
  const RC = 2 * Math.sqrt(Cbarp7 / (Cbarp7 + POW25_7));
  const Lm50sq = (Lbarp - 50) ** 2;
  const SL = 1 + (0.015 * Lm50sq) / Math.sqrt(20 + Lm50sq);
  const SC = 1 + 0.045 * Cbarp;
  const SH = 1 + 0.015 * Cbarp * T;
  const RT = -Math.sin(2 * dTheta * DEG) * RC;
  const tL = dLp / SL;
  const tC = dCp / SC;
  const tH = dHp / SH;
  return Math.sqrt(tL * tL + tC * tC + tH * tH + RT * tC * tH);
}

/** ΔE2000 between two colour strings; NaN if either does not parse. */
export function colorDeltaE(c1: string, c2: string): number {
  const l1 = colorToLab(c1);
  const l2 = colorToLab(c2);
  return l1 && l2 ? deltaE2000(l1, l2) : Number.NaN;
}

/** WCAG 2.x relative luminance of an sRGB colour (alpha ignored), 0–1. */
export function relativeLuminance(c: Rgba): number {
  return 0.2126 * linearize(c.r) + 0.7152 * linearize(c.g) + 0.0722 * linearize(c.b);
}

/**
 * WCAG 2.x contrast ratio (1–21) of a foreground over a background. A
 * translucent foreground is composited over the background first; the
 * background is treated as opaque.
 */
export function contrastRatio(fg: Rgba | string, bg: Rgba | string): number {
  const b = typeof bg === 'string' ? parseColor(bg) : bg;
  const f = typeof fg === 'string' ? parseColor(fg) : fg;
  if (!b || !f) return Number.NaN;
  const opaqueBg = { ...b, a: 1 };
  const shown = f.a < 1 ? compositeOver(f, opaqueBg) : f;
  const l1 = relativeLuminance(shown);
  const l2 = relativeLuminance(opaqueBg);
  const hi = Math.max(l1, l2);
  const lo = Math.min(l1, l2);
  return (hi + 0.05) / (lo + 0.05);
}

export interface NamedColor {
  name: string;
  hex: string;
}

export interface NearestColor<T extends NamedColor = NamedColor> {
  color: T;
  deltaE: number;
}

/**
 * The palette entry closest to `input` by ΔE2000 (ties: first in palette
 * order). Null when the input does not parse or the palette is empty.
 */
export function nearestPaletteColor<T extends NamedColor>(input: string | Lab, palette: readonly T[]): NearestColor<T> | null {
  const lab = typeof input === 'string' ? colorToLab(input) : input;
  if (!lab) return null;
  let best: NearestColor<T> | null = null;
  for (const p of palette) {
    const pl = colorToLab(p.hex);
    if (!pl) continue;
    const d = deltaE2000(lab, pl);
    if (!best || d < best.deltaE) best = { color: p, deltaE: d };
  }
  return best;
}
