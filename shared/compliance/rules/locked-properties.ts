import type { DesignObject } from '../../design/index.js';
import { describeObject, ordered } from '../design-utils.js';
import type { Rule, RuleFinding } from '../types.js';

/** Properties a brand manager's lock protects. */
export const LOCKED_PROPS = ['x', 'y', 'width', 'height', 'angle', 'src', 'text', 'fill'] as const;
const NUMERIC_TOLERANCE = 0.01;

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= NUMERIC_TOLERANCE;
  return a === b;
}

/**
 * Objects locked in the template (ctx.template) keep the template's values
 * for position, size, angle, src, text and fill (error; the fix restores
 * them). A locked object deleted from the design is a warning whose fix puts
 * it back.
 */
export const lockedProperties: Rule = {
  id: 'locked-properties',
  title: 'Locked template elements unchanged',
  category: 'brand',
  severity: 'error',
  check(design, ctx) {
    const template = ctx.template;
    if (!template) return [];
    const out: RuleFinding[] = [];
    for (const t of ordered(template)) {
      if (t.locked !== true) continue;
      const o = design.objects[t.id];
      if (!o) {
        out.push({
          severity: 'warning',
          objectIds: [],
          message: `Locked template element ${describeObject(t)} was removed.`,
          fix: { kind: 'insert-object', object: { ...t }, label: 'Restore it' },
        });
        continue;
      }
      const restore: Record<string, string | number | boolean> = {};
      const tRec = t as Record<string, unknown>;
      const oRec = o as Record<string, unknown>;
      for (const p of LOCKED_PROPS) {
        const tv = tRec[p];
        if (tv === undefined || !(typeof tv === 'string' || typeof tv === 'number' || typeof tv === 'boolean')) continue;
        if (!same(oRec[p], tv)) restore[p] = tv;
      }
      const changed = Object.keys(restore);
      if (changed.length === 0) continue;
      out.push({
        severity: 'error',
        objectIds: [o.id],
        message: `Locked element ${describeObject(o as DesignObject)} was changed (${changed.join(', ')}).`,
        fix: { kind: 'set-props', objectId: o.id, props: restore, label: 'Restore the template values' },
      });
    }
    return out;
  },
};
