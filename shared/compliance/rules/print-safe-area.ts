import { PRINT_KINDS, type DesignObject } from '../../design/index.js';
import { bounds, contains, coversPage, describeObject, isVisible, ordered, round2, SAFE_MARGIN_PX, type Box } from '../design-utils.js';
import type { Rule, RuleFinding } from '../types.js';

/** Roles that may run to (and past) the trim: artwork, not content. */
const BLEEDABLE_ROLES = new Set(['photo', 'background', 'decoration']);

function isContent(o: DesignObject): boolean {
  if (o.role) return !BLEEDABLE_ROLES.has(o.role);
  return o.type === 'text' && o.text.trim() !== '';
}

/**
 * Print kinds: content (text, and any object with a content role such as
 * logo or disclaimer) sits inside the safe area, 0.125in (12px) inside the
 * trim: crossing the trim is an error (it will be cut), sitting between the
 * trim and the safe line a warning. Artwork that reaches a trim edge should
 * continue into the bleed (meta.bleed) so no white sliver shows (info).
 */
export const printSafeArea: Rule = {
  id: 'print-safe-area',
  title: 'Print safe area and bleed',
  category: 'brand',
  severity: 'error',
  check(design) {
    if (!PRINT_KINDS.includes(design.meta.kind)) return [];
    const { width: W, height: H } = design.meta;
    const trim: Box = { x: 0, y: 0, width: W, height: H };
    const safe: Box = { x: SAFE_MARGIN_PX, y: SAFE_MARGIN_PX, width: W - 2 * SAFE_MARGIN_PX, height: H - 2 * SAFE_MARGIN_PX };
    const bleed = design.meta.bleed ?? 0;
    const out: RuleFinding[] = [];
    for (const o of ordered(design)) {
      if (!isVisible(o)) continue;
      const b = bounds(o);
      if (isContent(o)) {
        if (contains(safe, b, 0.01)) continue;
        const crossesTrim = !contains(trim, b, 0.01);
        let fix: RuleFinding['fix'];
        if (b.width <= safe.width && b.height <= safe.height) {
          const dx = b.x < safe.x ? safe.x - b.x : b.x + b.width > safe.x + safe.width ? safe.x + safe.width - (b.x + b.width) : 0;
          const dy = b.y < safe.y ? safe.y - b.y : b.y + b.height > safe.y + safe.height ? safe.y + safe.height - (b.y + b.height) : 0;
          fix = {
            kind: 'set-props',
            objectId: o.id,
            props: { x: round2(o.x + dx), y: round2(o.y + dy) },
            label: 'Move inside the safe area',
          };
        }
        out.push({
          severity: crossesTrim ? 'error' : 'warning',
          objectIds: [o.id],
          message: crossesTrim
            ? `${describeObject(o)} crosses the trim edge and will be cut off in print.`
            : `${describeObject(o)} is within 0.125in of the trim; keep content inside the safe area.`,
          ...(fix ? { fix } : {}),
        });
      } else if (bleed > 0 && (o.role === 'background' || o.role === 'photo' || coversPage(o, design))) {
        const reachesEdge = b.x <= 0.5 || b.y <= 0.5 || b.x + b.width >= W - 0.5 || b.y + b.height >= H - 0.5;
        const short =
          (b.x <= 0.5 && b.x > -bleed + 0.5) ||
          (b.y <= 0.5 && b.y > -bleed + 0.5) ||
          (b.x + b.width >= W - 0.5 && b.x + b.width < W + bleed - 0.5) ||
          (b.y + b.height >= H - 0.5 && b.y + b.height < H + bleed - 0.5);
        if (reachesEdge && short) {
          out.push({
            severity: 'info',
            objectIds: [o.id],
            message: `${describeObject(o)} reaches the trim but not the ${round2(bleed)}px bleed; extend it so no white edge shows after cutting.`,
          });
        }
      }
    }
    return out;
  },
};
