/**
 * Text fit modes, by the one layout. 'fixed' leaves the box as it is (overflow is flagged);
 * 'shrink' steps the font size down a pixel at a time to the template's minimum; 'grow' makes
 * the box as tall as its text and moves what is below it down (objects overlapping it
 * horizontally, on the same page, not locked), as long as everything stays on the page.
 */
import type { Design, DesignObject, TextObject } from '../design/index.js';
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
export function shrinkToFit(o: TextObject, min: number): number | null {
  if (layoutText(o).height <= o.height + FIT_TOLERANCE_PX) return o.fontSize;
  for (let size = Math.ceil(o.fontSize) - 1; size >= min; size--) {
    if (layoutText(o, { fontSize: size }).height <= o.height + FIT_TOLERANCE_PX) return size;
  }
  return null;
}

/** How a text object is drawn under its fit mode (exports, thumbnails, the overflow rule). */
export function fitText(o: TextObject, minFloor?: number): FittedText {
  const mode = fitModeOf(o);
  let layout = layoutText(o);
  if (mode === 'shrink' && layout.height > o.height + FIT_TOLERANCE_PX) {
    const min = minFontSizeOf(o, minFloor);
    const size = shrinkToFit(o, min);
    layout = layoutText(o, { fontSize: size ?? min });
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

/**
 * Grows a text box to its text and moves what is below it down by the same amount. Null when
 * that would push something off the page or move a locked object (the caller then shrinks).
 */
export function planGrow(design: Design, o: TextObject): GrowPlan | null {
  const need = Math.ceil(layoutText(o).height);
  const delta = need - o.height;
  if (delta <= 0) return { height: o.height, moves: {} };
  const page = o.page ?? 0;
  const bottom = o.y + o.height;
  const below = (x: DesignObject) =>
    x.id !== o.id &&
    (x.page ?? 0) === page &&
    x.y >= bottom - FIT_TOLERANCE_PX &&
    x.x < o.x + o.width &&
    o.x < x.x + x.width &&
    x.role !== 'background' &&
    x.role !== 'decoration';
  const moved = Object.values(design.objects).filter(below);
  if (o.y + need > design.meta.height) return null;
  const moves: Record<string, number> = {};
  for (const x of moved) {
    if (x.locked || x.y + delta + x.height > design.meta.height) return null;
    moves[x.id] = x.y + delta;
  }
  return { height: need, moves };
}
