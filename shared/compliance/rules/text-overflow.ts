import type { TextObject } from '../../design/index.js';
import { fitModeOf, fitText, pageGrowth, planGrow, shrinkToFit, type FontBook, type PageGrowth } from '../../render/index.js';
import { describeObject, kitFontFor, visibleTexts } from '../design-utils.js';
import type { Rule, RuleFinding } from '../types.js';

/**
 * Text that does not fit its box by the one text layout (shared/render: the font files' widths,
 * fabric's line boxes), under the box's fit mode: 'shrink' and 'grow' boxes make room themselves
 * in every export, so only a shrink that hits its minimum is flagged (a 'grow' box that cannot
 * grow, with something locked below it or at the page's end, shrinks). The fix is computed with the
 * same layout, so applying it clears the finding: grow the box (moving what is below down) when
 * the page has room, else the largest font size that fits, not below the role's minimum.
 */
export const textOverflow: Rule = {
  id: 'text-overflow',
  title: 'Text fits its box',
  category: 'brand',
  severity: 'warning',
  check(design, ctx) {
    const out: RuleFinding[] = [];
    const growth = new Map<number, PageGrowth>();
    const blocked = (o: TextObject) => {
      const page = o.page ?? 0;
      if (!growth.has(page)) growth.set(page, pageGrowth(design, page, ctx.fonts));
      return growth.get(page)!.blocked.has(o.id);
    };
    for (const o of visibleTexts(design)) {
      const min = Math.min(o.fontSize, o.minFontSize ?? kitFontFor(ctx.brandKit, o).minSize);
      const fitted = fitText(o, min, { growBlocked: fitModeOf(o) === 'grow' && blocked(o), book: ctx.fonts });
      if (!fitted.overflows) continue;
      const needed = Math.ceil(fitted.layout.height);
      out.push({
        severity: 'warning',
        objectIds: [o.id],
        message: `Text ${describeObject(o)} overflows its box (needs ${needed}px, box is ${Math.round(o.height)}px).`,
        ...fixFor(design, o, min, ctx.fonts),
      });
    }
    return out;
  },
};

function fixFor(design: Parameters<Rule['check']>[0], o: TextObject, min: number, book?: FontBook): Pick<RuleFinding, 'fix'> {
  if (fitModeOf(o) !== 'shrink') {
    const grow = planGrow(design, o, book);
    if (grow && Object.keys(grow.moves).length === 0)
      return { fix: { kind: 'set-props', objectId: o.id, props: { height: grow.height }, label: 'Make the text box taller' } };
  }
  const size = shrinkToFit(o, min, book);
  if (size !== null && size < o.fontSize)
    return { fix: { kind: 'set-props', objectId: o.id, props: { fontSize: size }, label: `Reduce to ${size}px` } };
  return {};
}
