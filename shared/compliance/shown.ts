/**
 * Whether a required element (a disclosure, the EHO mark, a license number) is
 * actually there for a reader: a text or logo that is hidden under an opaque
 * shape, pushed off the page, faded out or shrunk to a speck does not disclose
 * anything, so the rules that require it treat it as missing.
 */
import { parseColor } from '../brand/index.js';
import type { Design, DesignObject } from '../design/index.js';
import { bounds, containsPoint, isVisible, ordered, pageBox, pageOf, type Box } from './design-utils.js';

/** Smallest text that still reads, in design px at 96 dpi (4.5 pt). */
export const MIN_SHOWN_TEXT_PX = 6;
/** Smallest box side for any required element (a logo or mark), in design px. */
export const MIN_SHOWN_SIDE_PX = 12;
/** Below this opacity an element is faded out of sight. */
export const MIN_SHOWN_OPACITY = 0.35;
/** Share of an element's area that must be on the page and not under opaque objects. */
export const MIN_SHOWN_SHARE = 0.5;

export type HiddenReason = 'covered' | 'off-page' | 'too-small' | 'faded';

/** Why `o` is not really shown, or null when it is. */
export function hiddenReason(o: DesignObject, design: Design): HiddenReason | null {
  let cache = reasons.get(design.objects);
  if (!cache) reasons.set(design.objects, (cache = new Map()));
  const hit = cache.get(o.id);
  if (hit !== undefined) return hit;
  const reason = computeReason(o, design);
  cache.set(o.id, reason);
  return reason;
}

export function isShown(o: DesignObject, design: Design): boolean {
  return hiddenReason(o, design) === null;
}

/** Words for a finding's message: "is covered by another object", … */
export function describeHidden(reason: HiddenReason): string {
  switch (reason) {
    case 'covered':
      return 'is covered by another object';
    case 'off-page':
      return 'is mostly off the page';
    case 'too-small':
      return 'is too small to read';
    case 'faded':
      return 'is faded out of sight';
  }
}

const reasons = new WeakMap<Design['objects'], Map<string, HiddenReason | null>>();

function computeReason(o: DesignObject, design: Design): HiddenReason | null {
  if (!isVisible(o) || (o.opacity ?? 1) < MIN_SHOWN_OPACITY) return 'faded';
  if (
    o.type === 'text'
      ? o.fontSize < MIN_SHOWN_TEXT_PX || Math.min(o.width, o.height) < MIN_SHOWN_TEXT_PX
      : Math.min(o.width, o.height) < MIN_SHOWN_SIDE_PX
  ) {
    return 'too-small';
  }
  const box = bounds(o);
  if (overlapArea(box, pageBox(design)) < MIN_SHOWN_SHARE * box.width * box.height) return 'off-page';
  return coveredShare(o, box, design) > 1 - MIN_SHOWN_SHARE ? 'covered' : null;
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const GRID = 6;

/** Share of `o`'s box (sampled on a grid) under opaque objects stacked above it on its page. */
function coveredShare(o: DesignObject, box: Box, design: Design): number {
  const list = ordered(design);
  const above: DesignObject[] = [];
  for (let i = list.findIndex((x) => x.id === o.id) + 1; i < list.length; i++) {
    const other = list[i]!;
    if (pageOf(other) === pageOf(o) && isOpaque(other) && overlapArea(bounds(other), box) > 0) above.push(other);
  }
  if (above.length === 0) return 0;
  let hidden = 0;
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++) {
      const px = box.x + ((i + 0.5) / GRID) * box.width;
      const py = box.y + ((j + 0.5) / GRID) * box.height;
      if (above.some((a) => containsPoint(a, px, py))) hidden++;
    }
  }
  return hidden / (GRID * GRID);
}

/** Shapes and images that hide what is beneath them (text and lines do not). */
function isOpaque(o: DesignObject): boolean {
  if (!isVisible(o) || (o.opacity ?? 1) < 0.9) return false;
  if (o.type === 'image') return true;
  if (o.type !== 'rect' && o.type !== 'ellipse') return false;
  const fill = parseColor(o.fill);
  // A colour we cannot read (a CSS name, say) still paints: count it as opaque.
  return fill === null ? o.fill.trim().toLowerCase() !== 'none' : fill.a >= 0.9;
}
