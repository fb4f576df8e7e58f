import type { TextObject } from '../../design/index.js';
import { containsNormalized, textHeightNeeded, kitFont, visibleTexts } from '../design-utils.js';
import { makeBottomText } from '../kit-utils.js';
import { describeHidden, hiddenReason } from '../shown.js';
import type { Rule, RuleFinding } from '../types.js';

/**
 * Every kit disclaimer whose pack applies (federal always) must appear
 * (normalised whitespace, punctuation and case) and be legible: font size at
 * least the kit's disclaimer font minimum.
 */
export const requiredDisclaimers: Rule = {
  id: 'required-disclaimers',
  title: 'Required disclaimers present and legible',
  category: 'compliance',
  severity: 'error',
  check(design, ctx) {
    const kit = ctx.brandKit;
    const applicable = kit.disclaimers.filter((d) => d.pack === 'federal' || ctx.rulePacks.includes(d.pack));
    if (applicable.length === 0) return [];
    const minSize = kitFont(kit, 'disclaimer').minSize;
    const texts = visibleTexts(design);
    const out: RuleFinding[] = [];
    let stackOffset = 0;
    for (const d of applicable) {
      const present = texts.filter((o) => containsNormalized(o.text, d.text));
      // A disclaimer under an opaque shape, off the page or shrunk to a speck is not disclosed.
      const holders = present.filter((o) => hiddenReason(o, design) === null);
      if (holders.length === 0) {
        const hidden = present[0];
        const object = makeBottomText(design, kit, {
          idBase: `disclaimer-${d.id}`,
          text: d.text,
          role: 'disclaimer',
          fontRole: 'disclaimer',
          bottomOffset: stackOffset,
        });
        stackOffset += object.height + 4;
        out.push({
          severity: 'error',
          objectIds: hidden ? [hidden.id] : [],
          message: hidden
            ? `Required disclaimer "${d.id}" ${describeHidden(hiddenReason(hidden, design)!)}, so it does not count: "${d.text}"`
            : `Required disclaimer "${d.id}" is missing: "${d.text}"`,
          fix: { kind: 'insert-object', object, label: 'Add the disclaimer' },
        });
        continue;
      }
      const best = holders.reduce<TextObject>((a, b) => (b.fontSize > a.fontSize ? b : a), holders[0]!);
      if (best.fontSize + 1e-9 < minSize) {
        const needed = Math.ceil(textHeightNeeded({ ...best, fontSize: minSize }, undefined, ctx.fonts));
        out.push({
          severity: 'error',
          objectIds: [best.id],
          message: `Disclaimer "${d.id}" is set at ${best.fontSize}px; the brand minimum for disclaimers is ${minSize}px.`,
          fix: {
            kind: 'set-props',
            objectId: best.id,
            props: needed > best.height ? { fontSize: minSize, height: needed } : { fontSize: minSize },
            label: `Enlarge to ${minSize}px`,
          },
        });
      }
    }
    return out;
  },
};
