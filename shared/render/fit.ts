/**
 * Text fit modes, by the one layout. 'fixed' leaves the box as it is (overflow is flagged);
 * 'shrink' steps the font size down a pixel at a time to the template's minimum; 'grow' makes
 * the box as tall as its text and moves what is below it down (objects overlapping it
 * horizontally, on the same page, not locked), as long as everything stays on the page.
 */
import type { Design, DesignObject, TextObject } from '../design/index.js';
import { placeholderOf } from './placeholders.js';
import type { FontBook } from './fonts.js';
import { layoutText, type TextLayout } from './text-layout.js';

export type FitMode = 'fixed' | 'grow' | 'shrink';

/** Slack before a text counts as overflowing, px. */
export const FIT_TOLERANCE_PX = 0.5;
/** Smallest font size 'shrink' goes to when the object sets none. */
export const DEFAULT_MIN_FONT_SIZE = 8;

export function fitModeOf(o: Pick<TextObject, 'fit' | 'binding'>): FitMode {
  return o.fit ?? (o.binding?.startsWith('listing.') ? 'shrink' : 'fixed');
}

export function minFontSizeOf(o: Pick<TextObject, 'minFontSize' | 'fontSize'>, floor = DEFAULT_MIN_FONT_SIZE): number {
  return Math.min(o.fontSize, o.minFontSize ?? floor);
}

export interface FittedText {
  layout: TextLayout;
  /** Box height to draw with (taller than the model's for 'grow'). */
  height: number;
  /** Whether the text still needs more room than the box gives it. */
  overflows: boolean;
}

/** The largest font size from `o.fontSize` down to `min` (whole pixels) at which the text fits the box, or null. */
export function shrinkToFit(o: TextObject, min: number, book?: FontBook): number | null {
  if (layoutText(o, { book }).height <= o.height + FIT_TOLERANCE_PX) return o.fontSize;
  for (let size = Math.ceil(o.fontSize) - 1; size >= min; size--) {
    if (layoutText(o, { fontSize: size, book }).height <= o.height + FIT_TOLERANCE_PX) return size;
  }
  return null;
}

/**
 * How a text object is drawn under its fit mode (exports, thumbnails, the overflow rule). A 'grow'
 * box that cannot grow (see pageGrowth) is passed with `growBlocked` and shrinks instead.
 */
export function fitText(o: TextObject, minFloor?: number, opts: { growBlocked?: boolean; book?: FontBook } = {}): FittedText {
  const { book } = opts;
  const mode = opts.growBlocked && fitModeOf(o) === 'grow' ? 'shrink' : fitModeOf(o);
  let layout = layoutText(o, { book });
  if (mode === 'shrink' && layout.height > o.height + FIT_TOLERANCE_PX) {
    const min = minFontSizeOf(o, minFloor);
    const size = shrinkToFit(o, min, book);
    layout = layoutText(o, { fontSize: size ?? min, book });
  }
  const height = mode === 'grow' ? Math.max(o.height, layout.height) : o.height;
  return { layout, height, overflows: layout.height > height + FIT_TOLERANCE_PX };
}

export interface GrowPlan {
  /** New height of the text box. */
  height: number;
  /** Objects moved down: id → new y. */
  moves: Record<string, number>;
}

/** Whether `x` sits below the box `o` (top at `top`, on the same page, overlapping it horizontally) and moves with it. */
function sitsBelow(o: TextObject, bottom: number, x: DesignObject, y: number): boolean {
  return (
    x.id !== o.id &&
    (x.page ?? 0) === (o.page ?? 0) &&
    y >= bottom - FIT_TOLERANCE_PX &&
    x.x < o.x + o.width &&
    o.x < x.x + x.width &&
    x.role !== 'background' &&
    x.role !== 'decoration'
  );
}

/**
 * Grows a text box to its text and moves what is below it down by the same amount. Null when
 * that would push something off the page or move a locked object (the caller then shrinks).
 */
export function planGrow(design: Design, o: TextObject, book?: FontBook): GrowPlan | null {
  return growTo(design, o, Math.ceil(layoutText(o, { book }).height));
}

/** `o`'s box made `height` tall, and what is below it moved down by the growth (null as for planGrow). */
export function growTo(design: Design, o: TextObject, height: number): GrowPlan | null {
  const delta = height - o.height;
  if (delta <= 0) return { height: o.height, moves: {} };
  if (o.y + height > design.meta.height) return null;
  const moves: Record<string, number> = {};
  for (const x of Object.values(design.objects)) {
    if (!sitsBelow(o, o.y + o.height, x, x.y)) continue;
    if (x.locked || x.y + delta + x.height > design.meta.height) return null;
    moves[x.id] = x.y + delta;
  }
  return { height, moves };
}

export interface PageGrowth {
  /** How far each moved object is drawn below its model position, px. */
  offsets: Map<string, number>;
  /** 'grow' boxes that could not grow (a locked object below, or the page's end): drawn shrunk to fit instead. */
  blocked: Set<string>;
}

/**
 * The 'grow' boxes of one page, top to bottom: each grows to its text, and whatever sits below it
 * moves down by the growth (what was moved by a box above moves again with the next), as long as
 * nothing locked moves and everything stays on the page; else the box is blocked. The scene walk
 * applies this, so the PDF, SVG, thumbnails and the overflow rule agree on where things are.
 */
export function pageGrowth(design: Design, page: number, book?: FontBook): PageGrowth {
  const offsets = new Map<string, number>();
  const blocked = new Set<string>();
  const on = Object.values(design.objects).filter((x) => (x.page ?? 0) === page && x.visible !== false);
  const grows = on
    .filter((x): x is TextObject => x.type === 'text' && fitModeOf(x) === 'grow' && x.text.trim() !== '' && !placeholderOf(x))
    .sort((a, b) => a.y - b.y);
  const off = (x: DesignObject) => offsets.get(x.id) ?? 0;
  for (const g of grows) {
    const delta = layoutText(g, { book }).height - g.height;
    if (delta <= FIT_TOLERANCE_PX) continue;
    const top = g.y + off(g);
    const below = on.filter((x) => sitsBelow(g, top + g.height, x, x.y + off(x)));
    const fits =
      top + g.height + delta <= design.meta.height + FIT_TOLERANCE_PX &&
      below.every((x) => !x.locked && x.y + off(x) + delta + x.height <= design.meta.height + FIT_TOLERANCE_PX);
    if (!fits) {
      blocked.add(g.id);
      continue;
    }
    for (const x of below) offsets.set(x.id, off(x) + delta);
  }
  return { offsets, blocked };
}
