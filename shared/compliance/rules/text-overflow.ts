import { describeObject, estimateTextHeight, kitFontFor, visibleTexts } from '../design-utils.js';
import type { Rule, RuleFinding } from '../types.js';

/** Slack before a text counts as overflowing, in px. */
const TOLERANCE_PX = 0.5;

/**
 * Text that (by estimate: average glyph width 0.55 × size, 0.6 bold; greedy
 * word wrap; lines × size × line height) does not fit its box. The fix grows
 * the box if the page has room below, else shrinks the font until it fits
 * (not below the role's minimum).
 */
export const textOverflow: Rule = {
  id: 'text-overflow',
  title: 'Text fits its box',
  category: 'brand',
  severity: 'warning',
  check(design, ctx) {
    const out: RuleFinding[] = [];
    for (const o of visibleTexts(design)) {
      const needed = estimateTextHeight(o);
      if (needed <= o.height + TOLERANCE_PX) continue;
      const grown = Math.ceil(needed);
      let fix: RuleFinding['fix'];
      if (o.y + grown <= design.meta.height) {
        fix = { kind: 'set-props', objectId: o.id, props: { height: grown }, label: 'Make the text box taller' };
      } else {
        const min = kitFontFor(ctx.brandKit, o).minSize;
        for (let size = Math.floor(o.fontSize) - 1; size >= min; size--) {
          if (estimateTextHeight({ ...o, fontSize: size }) <= o.height + TOLERANCE_PX) {
            fix = { kind: 'set-props', objectId: o.id, props: { fontSize: size }, label: `Reduce to ${size}px` };
            break;
          }
        }
      }
      out.push({
        severity: 'warning',
        objectIds: [o.id],
        message: `Text ${describeObject(o)} likely overflows its box (needs about ${grown}px, box is ${Math.round(o.height)}px).`,
        ...(fix ? { fix } : {}),
      });
    }
    return out;
  },
};
