/**
 * Small pure helpers the rules share: visibility, geometry of rotated boxes,
 * text normalisation and layout estimates, and building objects for
 * insert-object fixes.
 */
import type { BrandKit, FontRole } from '../brand/index.js';
import { keyBetween, objectsInOrder, type Design, type DesignObject, type TextObject } from '../design/index.js';
import { measureTextHeight, type FontBook, type TextLike } from '../render/index.js';

/** Print safe area inset inside the trim: 0.125in at 96 dpi. */
export const SAFE_MARGIN_PX = 12;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const orderCache = new WeakMap<Design['objects'], DesignObject[]>();

/**
 * Objects in stacking order (lowest first), computed once per design value
 * and shared by all rules. Rules iterate in this order so findings come out
 * the same on every replica whatever the key order of `objects`.
 */
export function ordered(design: Design): readonly DesignObject[] {
  let list = orderCache.get(design.objects);
  if (!list) orderCache.set(design.objects, (list = objectsInOrder(design)));
  return list;
}

/** The page an object is on (multi-page designs such as a business card's front and back). */
export function pageOf(o: { page?: number }): number {
  return o.page ?? 0;
}

export function isVisible(o: DesignObject): boolean {
  return o.visible !== false && (o.opacity ?? 1) > 0;
}

export function isTextObject(o: DesignObject): o is TextObject {
  return o.type === 'text';
}

/** Visible text objects with some non-blank text. */
export function visibleTexts(design: Design): TextObject[] {
  const out: TextObject[] = [];
  for (const o of ordered(design)) if (o.type === 'text' && isVisible(o) && o.text.trim()) out.push(o);
  return out;
}

export function isBold(weight: number | string | undefined): boolean {
  if (weight === undefined) return false;
  if (typeof weight === 'number') return weight >= 600;
  const w = weight.trim().toLowerCase();
  if (w === 'bold' || w === 'bolder') return true;
  const n = Number(w);
  return Number.isFinite(n) && n >= 600;
}

export function numericWeight(weight: number | string | undefined): number {
  if (typeof weight === 'number') return weight;
  if (!weight) return 400;
  const w = weight.trim().toLowerCase();
  if (w === 'bold' || w === 'bolder') return 700;
  if (w === 'normal') return 400;
  if (w === 'lighter') return 300;
  const n = Number(w);
  return Number.isFinite(n) ? n : 400;
}

/** Axis-aligned bounds of an object's box after rotation about its centre. */
export function bounds(o: Box & { angle?: number }): Box {
  const angle = o.angle ?? 0;
  // Unrotated: the object itself is its bounds (read-only use; saves an allocation per object).
  if (!angle || angle % 360 === 0) return o;
  const rad = (angle * Math.PI) / 180;
  const cos = Math.abs(Math.cos(rad));
  const sin = Math.abs(Math.sin(rad));
  const w = o.width * cos + o.height * sin;
  const h = o.width * sin + o.height * cos;
  const cx = o.x + o.width / 2;
  const cy = o.y + o.height / 2;
  return { x: cx - w / 2, y: cy - h / 2, width: w, height: h };
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function contains(outer: Box, inner: Box, tolerance = 0): boolean {
  return (
    inner.x >= outer.x - tolerance &&
    inner.y >= outer.y - tolerance &&
    inner.x + inner.width <= outer.x + outer.width + tolerance &&
    inner.y + inner.height <= outer.y + outer.height + tolerance
  );
}

export function centre(o: Box): { x: number; y: number } {
  return { x: o.x + o.width / 2, y: o.y + o.height / 2 };
}

/** Whether a point lies inside an object's (rotated) rect or ellipse. */
export function containsPoint(o: DesignObject, px: number, py: number): boolean {
  let dx = px - (o.x + o.width / 2);
  let dy = py - (o.y + o.height / 2);
  const angle = o.angle ?? 0;
  if (angle) {
    const rad = (-angle * Math.PI) / 180;
    const cos = Math.cos(rad);
    const sin = Math.sin(rad);
    const rx = dx * cos - dy * sin;
    const ry = dx * sin + dy * cos;
    dx = rx;
    dy = ry;
  }
  const hw = o.width / 2;
  const hh = o.height / 2;
  if (o.type === 'ellipse') {
    if (hw <= 0 || hh <= 0) return false;
    return (dx * dx) / (hw * hw) + (dy * dy) / (hh * hh) <= 1;
  }
  return Math.abs(dx) <= hw && Math.abs(dy) <= hh;
}

export function pageBox(design: Design): Box {
  return { x: 0, y: 0, width: design.meta.width, height: design.meta.height };
}

/** An object that covers (nearly) the whole page: a background, not content. */
export function coversPage(o: DesignObject, design: Design): boolean {
  const b = bounds(o);
  const page = pageBox(design);
  return b.x <= page.x + 1 && b.y <= page.y + 1 && b.x + b.width >= page.width - 1 && b.y + b.height >= page.height - 1;
}

export function isBackgroundLike(o: DesignObject, design: Design): boolean {
  return o.role === 'background' || o.role === 'decoration' || coversPage(o, design);
}

const NON_ALNUM_RE = /[^\p{L}\p{N}]+/gu;
const NON_ALNUM_ALL_RE = /[^\p{L}\p{N}]/gu;

/** A bounded memo for pure string → value functions (text rarely changes between re-scores). */
export function memoize<T>(fn: (s: string) => T, max = 4096): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const v = fn(s);
    if (cache.size >= max) cache.clear();
    cache.set(s, v);
    return v;
  };
}

/** Lower case with everything but letters and digits removed ("Demo Realty, L.L.C." → "demorealtyllc"). */
export const compactText = memoize((text: string): string => text.toLowerCase().replace(NON_ALNUM_ALL_RE, ''));

/** Lower case, punctuation and whitespace collapsed to single spaces, trimmed. */
export const normalizeText = memoize((text: string): string => text.toLowerCase().replace(NON_ALNUM_RE, ' ').trim());

const padded = memoize((text: string): string => ` ${normalizeText(text)} `);

/** Whether `needle` occurs in `haystack` on word boundaries after normalising both (case, punctuation, whitespace). */
export function containsNormalized(haystack: string, needle: string): boolean {
  const n = padded(needle);
  return n.length > 2 && padded(haystack).includes(n);
}

/**
 * Height a text object's text needs, px: the one text layout (shared/render), measured from the
 * brand font files, the same the editor's canvas and every export use.
 */
export function textHeightNeeded(o: TextLike, fontSize?: number, book?: FontBook): number {
  return measureTextHeight(o, fontSize, book);
}

/** A stacking key above every object in the design. */
export function topZ(design: Design): string {
  let max: string | null = null;
  for (const o of Object.values(design.objects)) if (max === null || o.z > max) max = o.z;
  return keyBetween(max, null);
}

/** `base`, or `base-2`, `base-3`… — the first id not used in the design. */
export function uniqueId(design: Design, base: string): string {
  if (!design.objects[base]) return base;
  for (let i = 2; ; i++) if (!design.objects[`${base}-${i}`]) return `${base}-${i}`;
}

/** The kit font for a role, falling back to body, then the first font. */
export function kitFont(kit: BrandKit, role: FontRole) {
  return kit.fonts.find((f) => f.role === role) ?? kit.fonts.find((f) => f.role === 'body') ?? kit.fonts[0]!;
}

/**
 * The kit font entry that governs a text object: the entry for the family it
 * actually uses (choosing the entry for its role when the family serves
 * several roles, else the non-disclaimer one), or, for an off-kit family, the
 * kit font for its role.
 */
export function kitFontFor(kit: BrandKit, o: TextObject) {
  const role = fontRoleOf(o);
  const family = primaryFamily(o.fontFamily);
  const same = kit.fonts.filter((f) => f.family.toLowerCase() === family);
  if (same.length === 0) return kitFont(kit, role);
  return same.find((f) => f.role === role) ?? same.find((f) => f.role !== 'disclaimer') ?? same[0]!;
}

/** The first family of a CSS font-family list, unquoted and lower-cased. */
export function primaryFamily(fontFamily: string): string {
  const first = fontFamily.split(',')[0] ?? '';
  return first
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim()
    .toLowerCase();
}

/** Which font role a text object plays, from its role or size. */
export function fontRoleOf(o: TextObject): FontRole {
  switch (o.role) {
    case 'disclaimer':
    case 'license-number':
    case 'eho-slogan':
      return 'disclaimer';
    case 'headline':
    case 'price':
      return 'heading';
    default:
      return o.fontSize >= 28 ? 'heading' : 'body';
  }
}

/** The left/top/right/bottom inset used when placing inserted objects. */
export function placementMargin(design: Design): number {
  const isSmall = Math.min(design.meta.width, design.meta.height) < 300;
  return isSmall ? SAFE_MARGIN_PX / 2 : Math.max(SAFE_MARGIN_PX * 2, Math.round(Math.min(design.meta.width, design.meta.height) * 0.04));
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

const quotedExcerpt = memoize((text: string): string => {
  const t = text.trim().replace(/\s+/g, ' ');
  return t ? `"${t.length > 30 ? `${t.slice(0, 29)}…` : t}"` : '';
});

/** A short human name for an object in messages. */
export function describeObject(o: DesignObject): string {
  if (o.name) return `"${o.name}"`;
  if (o.type === 'text') {
    const q = quotedExcerpt(o.text);
    if (q) return q;
  }
  return o.role ? `the ${o.role.replace(/-/g, ' ')}` : `${o.type} ${o.id}`;
}
