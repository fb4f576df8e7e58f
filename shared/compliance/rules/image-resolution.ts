import { PRINT_KINDS } from '../../design/index.js';
import { describeObject, isVisible, ordered } from '../design-utils.js';
import type { Rule, RuleFinding } from '../types.js';

export const PRINT_PPI = 300;
export const PRINT_PPI_MIN = 150;
const CSS_PX_PER_INCH = 96;

/**
 * Effective resolution of a placed image in pixels per inch: natural pixels
 * over placed inches (placed px / 96). `cover` scales by the larger factor,
 * `contain` by the smaller, `fill` (default) per axis (worst axis counts).
 */
export function effectivePpi(o: { width: number; height: number; naturalWidth: number; naturalHeight: number; fit?: string }): number {
  const sx = o.width / o.naturalWidth;
  const sy = o.height / o.naturalHeight;
  const scale = o.fit === 'cover' ? Math.max(sx, sy) : o.fit === 'contain' ? Math.min(sx, sy) : Math.max(sx, sy);
  return CSS_PX_PER_INCH / scale;
}

/** Print kinds: images with a known natural size are at least 300 ppi as placed (below 150 is an error). */
export const imageResolution: Rule = {
  id: 'image-resolution',
  title: 'Print image resolution',
  category: 'brand',
  severity: 'error',
  check(design) {
    if (!PRINT_KINDS.includes(design.meta.kind)) return [];
    const out: RuleFinding[] = [];
    for (const o of ordered(design)) {
      if (o.type !== 'image' || !isVisible(o) || !o.naturalWidth || !o.naturalHeight || o.width <= 0 || o.height <= 0) continue;
      const ppi = effectivePpi({ ...o, naturalWidth: o.naturalWidth, naturalHeight: o.naturalHeight });
      if (ppi >= PRINT_PPI) continue;
      const maxWidth = Math.floor((o.naturalWidth / PRINT_PPI) * CSS_PX_PER_INCH);
      out.push({
        severity: ppi < PRINT_PPI_MIN ? 'error' : 'warning',
        objectIds: [o.id],
        message: `${describeObject(o)} prints at about ${Math.round(ppi)} ppi; print needs ${PRINT_PPI} ppi (use a larger original, or place it at most ${maxWidth}px wide).`,
      });
    }
    return out;
  },
};
